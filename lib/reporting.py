"""Keeps health data out of error reports and logs.

Django's default filter hides only settings that look like secrets. Here everything a person sent
may be health data or lead to it: posted fields, the query string, cookies, headers, and every
local variable of a failing view. Error e-mails and debug pages therefore say how many of each
there were and show neither their names nor their values; of the request they keep the method, the
path (which holds ids, never words) and a few server facts. Database errors are the other leak:
PostgreSQL quotes the failing row in its message, so their messages are dropped from reports and
logs alike; the exception's type and traceback remain.
"""

import logging
from types import FrameType
from typing import Any

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

from lib.redaction import redact_secret_paths

HIDDEN = "********************"
# The request's environment keys a report may show; every other key (headers, the raw URI, the
# query string, cookies, the client's address) is left out.
SHOWN_META = frozenset(
    {
        "REQUEST_METHOD", "PATH_INFO", "SCRIPT_NAME", "SERVER_NAME", "SERVER_PORT",
        "SERVER_PROTOCOL", "CONTENT_TYPE", "CONTENT_LENGTH", "wsgi.url_scheme",
    }
)  # fmt: skip


def _hidden_count(items: Any, what: str) -> dict[str, str]:
    count = len(items)
    return {f"({count} {what}, names and values hidden)": HIDDEN} if count else {}


def exception_chain(exception: object) -> list[BaseException]:
    """The exception and every cause or context behind it, once each (none for a non-exception,
    such as the message a log record without an exception hands the reporter)."""
    seen: list[BaseException] = []
    while isinstance(exception, BaseException) and exception not in seen:
        seen.append(exception)
        exception = exception.__cause__ or exception.__context__
    return seen


def message_may_hold_data(exception: object) -> bool:
    """True when the exception, or any exception behind it, is a database error."""
    return any(isinstance(link, DatabaseError) for link in exception_chain(exception))


def _hidden_copy(exception: BaseException) -> BaseException:
    """An exception of the same type whose only message is HIDDEN, with no chain behind it."""
    try:
        return type(exception)(HIDDEN)
    except Exception:  # noqa: BLE001 - a type that will not take one argument
        return Exception(HIDDEN)


class HealthDataExceptionReporterFilter(SafeExceptionReporterFilter):
    cleansed_substitute = HIDDEN

    def is_active(self, request: HttpRequest | None) -> bool:
        return True

    def get_post_parameters(self, request: HttpRequest | None) -> dict[str, str]:
        return {} if request is None else _hidden_count(request.POST, "posted fields")

    def get_traceback_frame_variables(self, request: HttpRequest | None, tb_frame: FrameType) -> Any:
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]

    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        # Paths as the server saw them keep their place, with any secret part hidden (lib.redaction).
        shown = {
            key: redact_secret_paths(value) if key == "PATH_INFO" and isinstance(value, str) else value
            for key, value in request.META.items()
            if key in SHOWN_META
        }
        left_out = [key for key in request.META if key not in SHOWN_META]
        return shown | _hidden_count(left_out, "other keys")

    def get_safe_cookies(self, request: HttpRequest) -> dict[str, Any]:
        return _hidden_count(request.COOKIES, "cookies")


class HealthDataExceptionReporter(ExceptionReporter):
    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if self.request is not None:
            data["request_GET_items"] = list(_hidden_count(self.request.GET, "query parameters").items())
            data["request_COOKIES_items"] = list(self.filter.get_safe_cookies(self.request).items())
            # The account by number, not by name.
            user = getattr(self.request, "user", None)
            if user is not None:
                data["user_str"] = f"account {user.pk}" if user.is_authenticated else "anonymous"
            # As Django's own _get_raw_insecure_uri (no host validation), without the query string.
            data["request_insecure_uri"] = (
                f"{self.request.scheme}://{self.request._get_raw_host()}"  # type: ignore[attr-defined]
                f"{redact_secret_paths(self.request.path)}"
            )
        if message_may_hold_data(self.exc_value):
            data["exception_value"] = HIDDEN
            for frame in data.get("frames", []):
                if frame.get("exc_cause") is not None:
                    frame["exc_cause"] = HIDDEN
        return data


class DropDatabaseErrorMessages(logging.Filter):
    """Log a database error's type and traceback, without the message that may quote a row, also
    when the database error is the cause or context of the error being logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None and message_may_hold_data(record.exc_info[1]):
            error_type, error, traceback = record.exc_info
            # The chain goes too: a database error behind another one would print its message.
            record.exc_info = (error_type or type(error), _hidden_copy(error), traceback)
            record.exc_text = None
        return True


class OneMailPerOutage(logging.Filter):
    """While the database cannot be reached every request fails the same way: mail the admins of
    it once per ``interval`` seconds (per process), not once per request."""

    def __init__(self, interval: float = 600) -> None:
        super().__init__()
        self.interval = interval
        self.last_sent = -interval

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is None and getattr(record, "status_code", None) == 503:
            return False  # the line "Service Unavailable: /path" that follows the error itself
        if not isinstance(error, (OperationalError, InterfaceError)):
            return True
        if record.created - self.last_sent < self.interval:
            return False
        self.last_sent = record.created
        return True
