"""Sessions end: after SESSION_IDLE_TIMEOUT without a request, SESSION_ABSOLUTE_TIMEOUT after signing
in, at sign-out, password change, reset and account deletion; signing in gives a new key."""

import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

PASSWORD = "a-long-test-password"
NEW_PASSWORD = "quiet-meadow-lantern-2026"
DASHBOARD = reverse("journal:dashboard")


@pytest.fixture
def clock(monkeypatch):
    """clock.move(seconds) moves the time the session limits read."""

    class Clock:
        now = time.time()

        def move(self, seconds):
            self.now += seconds

    moved = Clock()
    monkeypatch.setattr("accounts.sessions.time.time", lambda: moved.now)
    return moved


def signed_in(person):
    client = Client()
    response = client.post(reverse("account_login"), {"login": person.username, "password": PASSWORD})
    assert response["Location"] == DASHBOARD
    return client


def test_signing_in_gives_a_new_session_key(client, person):
    session = client.session  # an anonymous session, as someone might have planted
    session["visited"] = True
    session.save()
    before = client.cookies["sessionid"].value
    client.post(reverse("account_login"), {"login": person.username, "password": PASSWORD})
    assert client.cookies["sessionid"].value != before
    assert not Session.objects.filter(session_key=before).exists()
    assert client.get(DASHBOARD).status_code == 200


def test_a_session_ends_after_thirty_minutes_without_a_request(person, clock, settings):
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    client = signed_in(person)
    clock.move(29 * 60)
    assert client.get(DASHBOARD).status_code == 200  # a request renews it
    clock.move(29 * 60)
    assert client.get(DASHBOARD).status_code == 200
    clock.move(31 * 60)
    response = client.get(DASHBOARD, follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    assert "logged out after a while without activity" in response.content.decode()


def test_the_stored_session_and_its_cookie_expire_with_the_idle_timeout(person, settings):
    client = signed_in(person)
    assert client.cookies["sessionid"]["max-age"] == settings.SESSION_IDLE_TIMEOUT
    session = Session.objects.get(session_key=client.cookies["sessionid"].value)
    assert abs(session.expire_date.timestamp() - (time.time() + settings.SESSION_IDLE_TIMEOUT)) < 5


def test_a_session_ends_twelve_hours_after_signing_in_however_busy(person, clock, settings):
    assert settings.SESSION_ABSOLUTE_TIMEOUT == 12 * 60 * 60
    client = signed_in(person)
    for _ in range(12 * 4 - 1):  # a request every quarter of an hour, for 11 hours 45 minutes
        clock.move(15 * 60)
        assert client.get(DASHBOARD).status_code == 200
    clock.move(15 * 60)
    response = client.get(DASHBOARD, follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    assert "Your session reached its time limit" in response.content.decode()


def test_both_limits_are_settings(person, clock, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    client = signed_in(person)
    clock.move(6 * 60)
    assert client.get(DASHBOARD).status_code == 302


def test_signing_out_kills_the_session(person):
    client = signed_in(person)
    key = client.cookies["sessionid"].value
    client.post(reverse("account_logout"))
    stolen = Client()
    stolen.cookies["sessionid"] = key
    assert stolen.get(DASHBOARD).status_code == 302


def test_a_password_change_kills_every_earlier_session(person):
    laptop, phone = signed_in(person), signed_in(person)
    old_key = laptop.cookies["sessionid"].value
    laptop.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert laptop.get(DASHBOARD).status_code == 200  # the person changing it stays, with a new key
    assert laptop.cookies["sessionid"].value != old_key
    assert phone.get(DASHBOARD).status_code == 302
    replay = Client()
    replay.cookies["sessionid"] = old_key
    assert replay.get(DASHBOARD).status_code == 302


def test_a_password_reset_kills_every_session(client, person):
    phone = signed_in(person)
    client.post(reverse("account_reset_password"), {"email": person.email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    client.post(form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert phone.get(DASHBOARD).status_code == 302


def test_deleting_the_account_removes_its_sessions(person):
    laptop, phone = signed_in(person), signed_in(person)
    keys = {laptop.cookies["sessionid"].value, phone.cookies["sessionid"].value}
    laptop.post(reverse("accounts:account-delete"), {"password": PASSWORD})
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert phone.get(DASHBOARD).status_code == 302
