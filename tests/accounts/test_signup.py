"""Signing up: the e-mail address is verified before the journal opens, one address belongs to one
account, and no answer tells whether an address is registered."""

import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.consent import CONSENT_VERSION
from accounts.models import HealthDataConsent, User

URL = reverse("account_signup")
PASSWORD = "plum-orchard-41-lantern"


def signup_data(**overrides):
    data = {
        "email": "jo@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "hemisphere": "south",
        "time_zone": "Australia/Sydney",
        "consent": "on",
    }
    data.update(overrides)
    return data


def confirmation_link(message):
    return re.search(r"http://testserver(/accounts/confirm-email/\S+)", message.body).group(1)


def test_the_signup_page_explains_what_is_stored_and_who_sees_it(client, db):
    html = client.get(URL).content.decode()
    assert "What we store" in html and "Who can see it" in html
    assert "I agree that this site stores my journal entries" in html
    assert 'name="username"' not in html  # nothing to choose that could already be taken


def test_the_journal_stays_closed_until_the_address_is_confirmed(client, db):
    response = client.post(URL, signup_data())
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="jo@example.org")
    assert (user.hemisphere, user.time_zone) == ("south", "Australia/Sydney")
    assert client.get(reverse("journal:dashboard"))["Location"].startswith(reverse("account_login"))
    # Signing in before confirming points to the link (sent again after a few minutes) instead.
    response = client.post(reverse("account_login"), {"login": "jo@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("journal:dashboard")).status_code == 302
    assert [message.subject for message in mail.outbox] == [
        "Confirm your e-mail address for the Back pain journal"
    ]


def test_following_the_link_opens_the_journal_with_the_consent_given(client, db):
    client.post(URL, signup_data())
    link = confirmation_link(mail.outbox[0])
    assert "Confirm" in client.get(link).content.decode()
    response = client.post(link)
    assert response["Location"] == reverse("journal:dashboard")
    assert client.get(reverse("journal:dashboard")).status_code == 200
    user = User.objects.get(email="jo@example.org")
    assert EmailAddress.objects.get(user=user).verified
    consent = HealthDataConsent.objects.get(user=user)
    assert consent.version == CONSENT_VERSION


def test_without_consent_the_confirmed_account_exists_but_the_journal_stays_closed(client, db):
    client.post(URL, signup_data(consent=""))
    client.post(confirmation_link(mail.outbox[0]))
    assert not HealthDataConsent.objects.exists()
    response = client.get(reverse("journal:entry-create"))
    assert response["Location"].startswith(reverse("accounts:consent"))


def test_a_taken_address_gets_the_same_answer_no_second_account_and_a_note_to_its_owner(client, person):
    response = client.post(URL, signup_data(email=person.email.upper()))
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact=person.email).count() == 1
    assert [message.to for message in mail.outbox] == [[person.email]]
    assert mail.outbox[0].subject == "Your Back pain journal account"
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_an_address_cannot_move_to_a_second_account(client, person, other_person):
    client.force_login(other_person)
    page = client.post(reverse("account_email"), {"action_add": "", "email": person.email}, follow=True)
    assert "taken" not in page.content.decode().lower()  # the answer tells nothing
    # The link goes to the address itself, and even followed it does not take it from its owner.
    assert [message.to for message in mail.outbox] == [[person.email]]
    client.post(confirmation_link(mail.outbox[0]))
    assert not EmailAddress.objects.filter(user=other_person, email=person.email, verified=True).exists()
    assert EmailAddress.objects.get(user=person).verified


def test_the_username_is_made_up_and_tells_nothing(client, person):
    client.post(URL, signup_data(email=f"{person.username}@elsewhere.example"))
    username = User.objects.get(email__startswith=f"{person.username}@elsewhere").username
    assert re.fullmatch(rf"{person.username}-[0-9a-f]{{6}}", username)


def test_the_email_is_required_and_everything_else_is_kept(client, db):
    page = client.post(URL, signup_data(email=""))
    assert page.status_code == 200
    assert page.context["form"].errors["email"]
    assert 'value="south" selected' in page.content.decode() or "selected" in page.content.decode()
    assert not User.objects.exists()
