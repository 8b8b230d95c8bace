"""What a signed-in session remembers about itself: when it began, when it was last used, and
whether it used a second factor. The middleware ends it on time and keeps staff pages closed."""

from __future__ import annotations

import time
from enum import Enum

from django.conf import settings
from django.http import HttpRequest

STARTED = "session_started_at"
LAST_SEEN = "session_last_seen_at"
SECOND_FACTOR = "session_second_factor_at"
# The last-seen time is written at most this often, so a page does not save the session each time.
# The idle timeout is therefore exact to within this many seconds.
RENEW_EVERY = 60


class Ending(Enum):
    IDLE = "idle"
    ABSOLUTE = "absolute"


def session_begin(*, request: HttpRequest, now: float | None = None) -> None:
    """At sign-in (Django has already given the session a new key)."""
    now = time.time() if now is None else now
    request.session[STARTED] = now
    request.session[LAST_SEEN] = now


def session_ending(*, request: HttpRequest, now: float | None = None) -> Ending | None:
    """Whether the signed-in session has run out; renews its last-seen time when it has not."""
    now = time.time() if now is None else now
    session = request.session
    started = session.get(STARTED)
    last_seen = session.get(LAST_SEEN)
    if not isinstance(started, int | float) or not isinstance(last_seen, int | float):
        # A session from before these limits: it begins now.
        session_begin(request=request, now=now)
        return None
    if now - started >= settings.SESSION_ABSOLUTE_TIMEOUT:
        return Ending.ABSOLUTE
    if now - last_seen >= settings.SESSION_IDLE_TIMEOUT:
        return Ending.IDLE
    if now - last_seen >= RENEW_EVERY:
        # Saving the session also pushes its expiry (cookie and stored row) SESSION_COOKIE_AGE on.
        session[LAST_SEEN] = now
    return None


def second_factor_record(*, request: HttpRequest) -> None:
    """The session just used a passkey, an authenticator app or a recovery code (or set one up)."""
    request.session[SECOND_FACTOR] = time.time()


def second_factor_used(*, request: HttpRequest) -> bool:
    return SECOND_FACTOR in request.session
