"""Addresses that hold a secret (calendar feed, unsubscribe link, password reset) never reach a log
in full: not Django's, not the development server's, not gunicorn's access log."""

import datetime
import logging

import pytest
from django.urls import reverse

from lib.redaction import GunicornLogger, redact_secret_paths


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/reminders/calendar/abcDEF123_-xyz.ics", "/reminders/calendar/[hidden]"),
        ("/reminders/unsubscribe/MQ:1xV:abc/", "/reminders/unsubscribe/[hidden]"),
        (
            '"GET /reminders/calendar/abc.ics?x=1 HTTP/1.1" 200',
            '"GET /reminders/calendar/[hidden]?x=1 HTTP/1.1" 200',
        ),
        ("/accounts/password/reset/key/3-abc/", "/accounts/password/reset/key/[hidden]"),
        ("/accounts/confirm-email/MQ:1xV:abc/", "/accounts/confirm-email/[hidden]"),
        ("/journal/12/", "/journal/12/"),
    ],
)
def test_the_secret_part_of_a_path_is_hidden(path, shown):
    assert redact_secret_paths(path) == shown


def test_the_prefixes_match_the_addresses_the_site_makes():
    from django.conf import settings

    for path in (
        reverse("reminders:feed", args=["t0ken"]),
        reverse("reminders:unsubscribe", args=["t0ken"]),
        reverse("account_reset_password_from_key", kwargs={"uidb36": "3", "key": "t0ken"}),
        reverse("account_confirm_email", args=["t0ken"]),
    ):
        assert "t0ken" not in redact_secret_paths(path)
        assert path.startswith(tuple(settings.SECRET_PATH_PREFIXES))


def test_the_development_servers_request_lines_go_through_the_redacting_filter():
    from django.conf import settings

    from lib.redaction import RedactSecretPaths

    logging_config = settings.LOGGING
    for name in ("django.server", "django.request"):
        for handler in logging_config["loggers"][name]["handlers"]:
            assert "redact_secret_paths" in logging_config["handlers"][handler]["filters"]
    assert "redact_secret_paths" in logging_config["handlers"]["console"]["filters"]  # the root's
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /reminders/calendar/s3cret.ics HTTP/1.1", 200, 10),
        None,
    )
    RedactSecretPaths().filter(record)
    assert record.getMessage() == '"GET /reminders/calendar/[hidden] HTTP/1.1" 200 10'


def test_gunicorns_access_log_hides_the_secret(tmp_path):
    from gunicorn.config import Config

    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("access_log_format", '%(h)s "%(r)s" %(U)s %(s)s')
    logger = GunicornLogger(config)

    class Response:
        status = "200 OK"
        headers = []
        sent = 10
        response_length = 10

    class Request:
        headers = []

    path = "/reminders/calendar/s3cret.ics"
    environ = {
        "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }

    logger.access(Response(), Request(), environ, datetime.timedelta(seconds=0.1))
    for handler in logger.access_log.handlers:
        handler.flush()
    text = (tmp_path / "access.log").read_text()
    assert "/reminders/calendar/[hidden]" in text and "s3cret" not in text
