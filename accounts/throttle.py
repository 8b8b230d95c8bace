"""Attempts counted per client address in fixed windows, in the cache, before any password is hashed.

A flood of sign-in posts used to cost a full password hash each and slowed every page; a
password spray tries a few passwords on many usernames, below the lockout of each pair. Both are
stopped here per address, answered with 429 and the number of seconds to wait.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int


def sign_in_posts() -> Limit:
    """Anonymous sign-in, second-factor, reset and sign-up posts from one address."""
    return Limit("posts", settings.THROTTLE_POSTS_PER_MINUTE, 60)


def failed_sign_ins() -> Limit:
    """Wrong passwords from one address, whatever the username."""
    return Limit("failures", settings.THROTTLE_FAILURES_PER_HOUR, 60 * 60)


def reset_mails() -> Limit:
    """Password-reset mails to one e-mail address."""
    return Limit("reset-mails", settings.RESET_MAILS_PER_HOUR, 60 * 60)


def _window(limit: Limit, subject: str, now: float) -> tuple[str, int]:
    index = int(now // limit.seconds)
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]  # no address or e-mail in the cache
    left = max(1, math.ceil((index + 1) * limit.seconds - now))
    return f"throttle:{limit.name}:{digest}:{index}", left


def wait_seconds(*, limit: Limit, subject: str, now: float | None = None) -> int | None:
    """Seconds until ``subject`` may try again, or None while it is under the limit. Counts nothing."""
    key, left = _window(limit, subject, time.time() if now is None else now)
    return left if cache.get(key, 0) >= limit.count else None


def spend(*, limit: Limit, subject: str, now: float | None = None) -> int | None:
    """Count one attempt: None when it is allowed, else the seconds until the next one will be."""
    key, left = _window(limit, subject, time.time() if now is None else now)
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr: this attempt opens the next window
        cache.set(key, 1, timeout=limit.seconds + 1)
        used = 1
    return left if used > limit.count else None


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The username or e-mail address typed on the sign-in form, as django-axes records it (its
    column holds 255 characters; the form refuses longer ones before this is asked)."""
    credentials = credentials or {}
    typed = credentials.get("username") or credentials.get("email") or request.POST.get("login", "")
    return str(typed).strip().lower()[:255]
