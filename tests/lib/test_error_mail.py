"""The error mail an admin receives, end to end: whatever a request carried (its query string,
parameter names and values, posted fields, cookies, headers) appears nowhere in it or in the log."""

import logging

import pytest
from django.core import mail
from django.test import Client

# Built at run time, so no source line quoted around a frame can contain it.
SENTINEL = "".join(["sentinel", "7c1f"])


@pytest.fixture
def mailing_errors(settings):
    settings.DEBUG = False
    settings.ADMINS = [("Ops", "ops@example.org")]
    settings.ROOT_URLCONF = "tests.lib.failing_urls"
    settings.ALLOWED_HOSTS = ["testserver"]
    return settings


def test_nothing_a_request_carried_reaches_the_error_mail_or_the_log(mailing_errors, db, caplog):
    client = Client(raise_request_exception=False, HTTP_USER_AGENT=f"Browser {SENTINEL}")
    client.cookies["csrftoken"] = f"csrf{SENTINEL}"
    client.cookies["sessionid"] = f"session{SENTINEL}"
    client.cookies[f"cookie{SENTINEL}"] = f"value{SENTINEL}"
    with caplog.at_level(logging.INFO):
        response = client.post(
            f"/journal/7/fail/?{SENTINEL}name={SENTINEL}value&region=lower_back",
            {f"field{SENTINEL}": f"posted {SENTINEL}"},
            HTTP_REFERER=f"https://journal.example.org/?q={SENTINEL}",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
            HTTP_X_NOTE=f"header {SENTINEL}",
        )
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    parts = [message.subject, message.body, *(content for content, _ in message.alternatives)]
    assert all(SENTINEL not in part for part in parts)
    assert "lower_back" not in message.body
    assert SENTINEL not in caplog.text
    # What remains is what an operator needs: the path, the method and the error.
    assert "/journal/7/fail/" in message.body and "RuntimeError" in message.body
