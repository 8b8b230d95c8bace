"""No staff page (the review queue, the admin) opens before the session used a second factor: a
passkey or an authenticator app. (The demo's staff accounts: tests/front/test_seed_demo.py.)"""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.services import second_factor_add_totp
from tests.factories import UserFactory, make_reviewer
from tests.totp import totp_code

PASSWORD = "a-long-test-password"
SECRET = "JBSWY3DPEHPK3PXP"
QUEUE = reverse("review:queue")


def password_only(username, password=PASSWORD):
    client = Client()
    client.post(reverse("account_login"), {"login": username, "password": password})
    return client


@pytest.mark.parametrize("staff_page", [QUEUE, reverse("admin:index")])
def test_staff_without_a_second_factor_are_sent_to_set_one_up(db, staff_page):
    make_reviewer("rowan", is_superuser=True)
    client = password_only("rowan")
    response = client.get(staff_page, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert "Staff pages need a second factor" in response.content.decode()


def test_staff_with_an_authenticator_app_are_asked_for_its_code_when_signing_in(db):
    reviewer = make_reviewer("rowan")
    second_factor_add_totp(user=reviewer, secret=SECRET)
    client = Client()
    response = client.post(reverse("account_login"), {"login": "rowan", "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(QUEUE).status_code == 302  # not signed in yet
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200 and "Incorrect code" in wrong.content.decode()
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(SECRET)})
    assert response["Location"] == QUEUE
    assert client.get(QUEUE).status_code == 200


def test_a_session_from_before_the_authenticator_asks_for_its_code_first(db):
    reviewer = make_reviewer("rowan")
    client = password_only("rowan")
    second_factor_add_totp(user=reviewer, secret=SECRET)
    response = client.get(QUEUE)
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    response = client.post(response["Location"], {"code": totp_code(SECRET)})
    assert response["Location"] == QUEUE
    assert client.get(QUEUE).status_code == 200


# allauth announces the new authenticator once the request's transaction commits: real commits here,
# and the rows of the data migrations (articles, tips) put back afterwards for the other tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_setting_up_an_authenticator_app_opens_the_staff_pages():
    make_reviewer("rowan")
    client = password_only("rowan")
    # allauth asks for the password again before a second factor is added.
    asked = client.get(reverse("mfa_activate_totp"))["Location"]
    assert asked.startswith(reverse("account_reauthenticate"))
    client.post(asked, {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert client.get(QUEUE).status_code == 200


def test_people_who_are_not_staff_see_their_journal_without_a_second_factor(db):
    UserFactory(username="alex")
    client = password_only("alex")
    assert client.get(reverse("journal:dashboard")).status_code == 200
