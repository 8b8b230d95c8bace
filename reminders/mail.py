"""The reminder e-mail: a line, a link to log today, and a way out. No health data: not the
person's pain, not their entries, not even their name, since mail travels and rests in the clear."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.urls import reverse

UNSUBSCRIBE_SALT = "reminders.unsubscribe"


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_token(*, user_id: int) -> str:
    """A signed token naming the person: it switches their reminders off, and nothing else."""
    return signing.dumps(user_id, salt=UNSUBSCRIBE_SALT, compress=True)


def user_id_from_unsubscribe_token(token: str) -> int | None:
    """The person the token was signed for; None for a forged, altered or truncated token."""
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return user_id if isinstance(user_id, int) else None


def unsubscribe_url(*, user_id: int) -> str:
    return site_url(reverse("reminders:unsubscribe", args=[unsubscribe_token(user_id=user_id)]))


def reminder_message(*, user_id: int, address: str) -> EmailMessage:
    """The day's reminder for one person. It carries RFC 8058's one-click unsubscribe: mail
    programs show their own "unsubscribe" button and POST to the same address."""
    leave = unsubscribe_url(user_id=user_id)
    return EmailMessage(
        subject="Your daily reminder: today's journal entry",
        body=(
            "Hello,\n\n"
            "This is the daily reminder you asked for: a minute to write today's entry in your journal.\n\n"
            f"Write today's entry: {site_url(reverse('journal:entry-create'))}\n\n"
            "You receive this because you switched on daily reminders in your account. "
            "No reminder comes on a day you have already written an entry.\n"
            f"To stop these reminders (no login needed): {leave}\n"
        ),
        to=[address],
        headers={
            "List-Unsubscribe": f"<{leave}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # RFC 3834: sent by a machine; out-of-office replies should not answer it.
            "Auto-Submitted": "auto-generated",
        },
    )
