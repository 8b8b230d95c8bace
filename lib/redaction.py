"""Keeps the secret in some addresses out of every log: a calendar feed's address, an unsubscribe
link, a password-reset link. Whoever reads such a path can use it, so logs show its start only.

The paths are those starting with one of settings.SECRET_PATH_PREFIXES: the log filter below works
on Django's loggers (requests, runserver, errors by mail), ``GunicornLogger`` on gunicorn's access
log (gunicorn.conf.py), and lib.reporting on error reports.
"""

import functools
import logging
import re
from typing import Any

from django.conf import settings
from gunicorn.glogging import Logger

HIDDEN_SECRET = "[hidden]"


@functools.cache
def _pattern(prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(prefix) for prefix in prefixes)
    # Everything after the prefix up to the end of the path (a space, a quote or a query string).
    return re.compile(rf"({alternatives})[^\s\"'?#]+")


def redact_secret_paths(text: str) -> str:
    pattern = _pattern(tuple(settings.SECRET_PATH_PREFIXES))
    return pattern.sub(rf"\1{HIDDEN_SECRET}", text) if pattern is not None else text


class RedactSecretPaths(logging.Filter):
    """Rewrites a log record whose message names a secret path; every other record is left as is."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_secret_paths(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class GunicornLogger(Logger):
    """Gunicorn's logger, with the path, request line and referrer of the access log redacted."""

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in ("U", "r", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact_secret_paths(atoms[key])
        return atoms
