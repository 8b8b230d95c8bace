from django.urls import reverse

from accounts.consent import CONSENT_VERSION
from accounts.models import HealthDataConsent, User

URL = reverse("accounts:signup")


def signup_data(**overrides):
    data = {
        "username": "jo",
        "email": "jo@example.org",
        "password1": "plum-orchard-41",
        "password2": "plum-orchard-41",
        "hemisphere": "south",
        "time_zone": "Australia/Sydney",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_the_signup_page_explains_what_is_stored_and_who_sees_it(client, db):
    html = client.get(URL).content.decode()
    assert "What we store" in html and "Who can see it" in html
    assert "I agree that this site stores my journal entries" in html


def test_signing_up_with_consent_records_it_and_lands_on_the_dashboard(client, db):
    response = client.post(URL, signup_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:dashboard")
    user = User.objects.get(username="jo")
    assert (user.hemisphere, user.time_zone) == ("south", "Australia/Sydney")
    consent = HealthDataConsent.objects.get(user=user)
    assert consent.version == CONSENT_VERSION and consent.given_at is not None
    assert client.get(response["Location"]).status_code == 200


def test_without_consent_the_account_exists_but_the_journal_stays_closed(client, db):
    client.post(URL, signup_data(consent=""))
    assert not HealthDataConsent.objects.exists()
    response = client.get(reverse("journal:entry-create"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:consent"))


def test_djangos_password_validators_apply(client, db):
    page = client.post(URL, signup_data(password1="12345678", password2="12345678"))
    errors = " ".join(page.context["form"].errors["password2"])
    assert "too common" in errors and "entirely numeric" in errors
    assert not User.objects.exists()


def test_a_taken_username_is_refused_and_the_rest_is_kept(client, person):
    page = client.post(URL, signup_data(username=person.username))
    html = page.content.decode()
    assert "A user with that username already exists." in html
    assert 'value="jo@example.org"' in html


def test_the_email_is_required(client, db):
    page = client.post(URL, signup_data(email=""))
    assert page.context["form"].errors["email"]
