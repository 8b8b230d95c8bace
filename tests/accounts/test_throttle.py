"""Per client address, before any password is hashed: a flood of sign-in posts and a password spray
across usernames are answered 429 with Retry-After, and the page says when to try again."""

import pytest
from django.contrib.auth.hashers import get_hasher
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

LOGIN = reverse("account_login")
RESET = reverse("account_reset_password")
SIGNUP = reverse("account_signup")
FLOOD, NEIGHBOUR = "203.0.113.9", "198.51.100.20"


@pytest.fixture
def hashes(monkeypatch):
    """Counts every password hash computed (checked or made) by the configured hasher."""
    hasher = type(get_hasher())
    counted = []
    for method in ("encode", "verify"):
        original = getattr(hasher, method)

        def counting(self, *args, _original=original, _method=method, **kwargs):
            counted.append(_method)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(hasher, method, counting)
    return counted


def test_a_flood_of_sign_in_posts_gets_429_before_any_password_is_hashed(client, person, settings, hashes):
    settings.AXES_FAILURE_LIMIT = 100  # only the flood limit is under test here
    limit = settings.THROTTLE_POSTS_PER_MINUTE
    for _ in range(limit):
        assert (
            client.post(
                LOGIN, {"login": person.username, "password": "x" * 12}, REMOTE_ADDR=FLOOD
            ).status_code
            == 200
        )
    assert len(hashes) >= limit  # each attempt let through hashed the password
    before = len(hashes)
    refused = client.post(LOGIN, {"login": person.username, "password": "x" * 12}, REMOTE_ADDR=FLOOD)
    assert refused.status_code == 429
    assert len(hashes) == before  # the refused post computed no hash
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "Please try again at" in refused.content.decode()


def test_the_flood_does_not_stop_someone_at_another_address(client, person, settings):
    for _ in range(settings.THROTTLE_POSTS_PER_MINUTE + 1):
        client.post(LOGIN, {"login": "whoever", "password": "x" * 12}, REMOTE_ADDR=FLOOD)
    response = client.post(
        LOGIN, {"login": person.username, "password": "a-long-test-password"}, REMOTE_ADDR=NEIGHBOUR
    )
    assert response["Location"] == reverse("journal:dashboard")


def test_a_password_spray_across_usernames_is_stopped_per_address(client, db, settings, hashes):
    settings.THROTTLE_POSTS_PER_MINUTE = 1000  # only the spray limit is under test here
    settings.THROTTLE_FAILURES_PER_HOUR = 6
    people = [UserFactory(username=f"target{n}") for n in range(settings.THROTTLE_FAILURES_PER_HOUR)]
    for target in people:  # one guess each: below every pair's lockout
        assert (
            client.post(
                LOGIN, {"login": target.username, "password": "Summer2026!!"}, REMOTE_ADDR=FLOOD
            ).status_code
            == 200
        )
    before = len(hashes)
    refused = client.post(LOGIN, {"login": "target0", "password": "a-long-test-password"}, REMOTE_ADDR=FLOOD)
    assert refused.status_code == 429
    assert len(hashes) == before
    assert 1 <= int(refused["Retry-After"]) <= 3600
    # The right password from the person's own address still works.
    response = client.post(
        LOGIN, {"login": "target0", "password": "a-long-test-password"}, REMOTE_ADDR=NEIGHBOUR
    )
    assert response["Location"] == reverse("journal:dashboard")


def test_reset_and_signup_posts_count_too(client, db, settings):
    settings.THROTTLE_POSTS_PER_MINUTE = 4
    statuses = [
        client.post(RESET, {"email": f"n{n}@example.org"}, REMOTE_ADDR=FLOOD).status_code for n in range(3)
    ]
    statuses.append(client.post(SIGNUP, {"email": "new@example.org"}, REMOTE_ADDR=FLOOD).status_code)
    statuses.append(client.post(RESET, {"email": "last@example.org"}, REMOTE_ADDR=FLOOD).status_code)
    assert statuses[-1] == 429 and 429 not in statuses[:-1]


def test_reset_mail_to_one_address_is_limited_without_telling(client, person, settings):
    answers = [
        client.post(RESET, {"email": person.email}, REMOTE_ADDR=f"192.0.2.{n}")["Location"] for n in range(6)
    ]
    assert set(answers) == {reverse("account_reset_password_done")}  # the same answer every time
    assert len(mail.outbox) == settings.RESET_MAILS_PER_HOUR


def test_signed_in_pages_are_not_counted(person_client, settings):
    for _ in range(settings.THROTTLE_POSTS_PER_MINUTE + 2):
        assert person_client.get(reverse("journal:dashboard")).status_code == 200
