"""Passwords: changed and reset as before; at least 12 characters, not only spaces, none from a list
of breached or common ones; stored with Argon2, older hashes upgraded at the next sign-in."""

import re

import pytest
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

PASSWORD = "a-long-test-password"
NEW_PASSWORD = "quiet-meadow-lantern-2026"
CHANGE = reverse("account_change_password")


def change(client, new):
    return client.post(CHANGE, {"oldpassword": PASSWORD, "password1": new, "password2": new})


def test_a_person_changes_the_password(person_client, person):
    response = change(person_client, NEW_PASSWORD)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_a_forgotten_password_is_reset_through_the_emailed_link(client, person):
    client.post(reverse("account_reset_password"), {"email": person.email})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Back pain journal password"
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(form_page.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("account_reset_password_done")
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short-pw-7x", "at least 12 characters"),
        (" " * 12, "cannot be only spaces"),
        (" " * 40, "cannot be only spaces"),
        ("iloveyou1234", "known from data breaches or in common use"),
        ("Password1234", "known from data breaches or in common use"),
        ("qwertyuiop123", "known from data breaches or in common use"),
        ("123456789012", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(person_client, person, password, reason):
    page = change(person_client, password)
    assert page.status_code == 200
    assert reason in page.content.decode()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


@pytest.mark.parametrize("password", ["correct-horse-battery-staple", "twelve chars", "plum orchard 41"])
def test_long_uncommon_passwords_pass(person_client, person, password):
    assert change(person_client, password).status_code == 302


def test_the_rules_are_said_on_the_signup_page(client, db):
    html = client.get(reverse("account_signup")).content.decode()
    assert "at least 12 characters" in html and "cannot be only spaces" in html


def test_new_passwords_are_stored_with_argon2(person_client, person, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",  # the test suite's own, for the old password
    ]
    change(person_client, NEW_PASSWORD)
    person.refresh_from_db()
    assert person.password.startswith("argon2$argon2id$")


def test_an_older_hash_is_upgraded_to_argon2_at_the_next_sign_in(client, db, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    person = UserFactory(username="kim")
    User.objects.filter(pk=person.pk).update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
    response = client.post(reverse("account_login"), {"login": "kim", "password": PASSWORD})
    assert response["Location"] == reverse("journal:dashboard")
    person.refresh_from_db()
    assert person.password.startswith("argon2$")
    assert person.check_password(PASSWORD)
