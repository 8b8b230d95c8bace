"""Wrong passwords lock the pair of username and client address, never the person: the same person
signs in from another address, and the lockout page says when to try again."""

import datetime

from axes.models import AccessAttempt
from django.urls import reverse

PASSWORD = "a-long-test-password"
LOGIN = reverse("account_login")
OFFICE, ATTACKER = "198.51.100.7", "203.0.113.66"


def sign_in(client, username, password, *, address):
    return client.post(LOGIN, {"login": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_lock_the_pair_and_not_the_person_elsewhere(client, person, settings):
    statuses = [
        sign_in(client, person.username, "wrong", address=ATTACKER).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]  # the fifth locks
    locked = sign_in(client, person.username, PASSWORD, address=ATTACKER)
    assert locked.status_code == 429
    assert client.get(reverse("journal:dashboard")).status_code == 302
    # The person, from their own address, signs in with the right password at once.
    response = sign_in(client, person.username, PASSWORD, address=OFFICE)
    assert response["Location"] == reverse("journal:dashboard")


def test_the_lockout_answer_says_when_to_try_again(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, person.username, "wrong", address=ATTACKER)
    locked = sign_in(client, person.username, "wrong", address=ATTACKER)
    assert locked.status_code == 429
    retry_after = int(locked["Retry-After"])
    assert 3590 <= retry_after <= 3600  # an hour after the latest wrong password
    html = locked.content.decode()
    assert "Please try again at" in html and "in about 60 minutes" in html


def test_behind_the_proxy_the_real_address_is_locked_not_the_proxys(client, person, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN, {"login": person.username, "password": "wrong"}, HTTP_X_FORWARDED_FOR=ATTACKER, **proxy
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    response = client.post(
        LOGIN, {"login": person.username, "password": PASSWORD}, HTTP_X_FORWARDED_FOR=OFFICE, **proxy
    )
    assert response["Location"] == reverse("journal:dashboard")


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(client, person, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for forged in ("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"):
        client.post(LOGIN, {"login": person.username, "password": "wrong"}, HTTP_X_FORWARDED_FOR=forged)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}
    assert sign_in(client, person.username, PASSWORD, address="127.0.0.1").status_code == 429


def test_the_lock_ends_after_an_hour(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, person.username, "wrong", address=ATTACKER)
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1, seconds=1)
    )
    assert sign_in(client, person.username, PASSWORD, address=ATTACKER)["Location"] == reverse(
        "journal:dashboard"
    )
