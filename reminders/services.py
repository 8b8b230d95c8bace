"""Writes of reminders: the person's plan and calendar feed, unsubscribing, and the reminder round.

The round keeps to one reminder per person and local day, whatever fails, is retried or runs twice
at once: before a mail is sent, a ReminderDelivery row for (person, day) is claimed and committed,
and the database lets only one claim of that pair exist (a unique constraint). The mail goes out
only after the claim, and the claim ends as sent, or as failed to be tried again that day only.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from journal.models import Entry
from reminders.mail import reminder_message, user_id_from_unsubscribe_token
from reminders.models import DeliveryStatus, ReminderDelivery, ReminderPlan
from reminders.selectors import DueReminder, reminders_due

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

# A reminder the mail server refused is tried again after this long, doubling each time, up to an
# hour; and never after its day.
RETRY_FIRST = datetime.timedelta(minutes=5)
RETRY_LONGEST = datetime.timedelta(hours=1)


class MailServerUnavailable(Exception):
    """The mail server could not be reached: the round sent nothing and claimed nothing."""


@transaction.atomic
def plan_update(*, user: User, enabled: bool, at: datetime.time) -> ReminderPlan:
    plan, _ = ReminderPlan.objects.update_or_create(user=user, defaults={"enabled": enabled, "at": at})
    return plan


@transaction.atomic
def feed_create(*, user: User) -> ReminderPlan:
    """Give the person a calendar feed address, replacing any earlier one (which stops working)."""
    plan, _ = ReminderPlan.objects.get_or_create(user=user)
    plan.feed_token = secrets.token_urlsafe(32)
    plan.feed_created_at = timezone.now()
    plan.save(update_fields=["feed_token", "feed_created_at", "updated_at"])
    return plan


@transaction.atomic
def feed_revoke(*, user: User) -> None:
    """The feed's address stops working at once; calendars subscribed to it get nothing more."""
    ReminderPlan.objects.filter(user=user).update(
        feed_token=None, feed_created_at=None, updated_at=timezone.now()
    )


@transaction.atomic
def unsubscribe(*, token: str) -> bool:
    """Switch off the e-mail reminders of the person the token was signed for. False for a forged
    or altered token, which changes nothing; True also when they were off already."""
    user_id = user_id_from_unsubscribe_token(token)
    if user_id is None:
        return False
    ReminderPlan.objects.filter(user_id=user_id).update(enabled=False, updated_at=timezone.now())
    return True


# --- The reminder round --------------------------------------------------------------------


@dataclass
class RoundOutcome:
    sent: int = 0
    failed: int = 0  # refused by the mail server; tried again later that day
    skipped: int = 0  # someone else had claimed it, or the person logged or switched off meanwhile


def retry_delay(attempts: int) -> datetime.timedelta:
    delay: datetime.timedelta = RETRY_FIRST * 2 ** (attempts - 1)
    return min(RETRY_LONGEST, delay)


def _claim(*, due: DueReminder, now: datetime.datetime) -> ReminderDelivery | None:
    """Take the reminder of ``due`` for this round, committed before any mail is sent; None when it
    is not this round's to send. Two rounds at once: the unique constraint lets one insert win."""
    with transaction.atomic():
        still_wanted = (
            ReminderPlan.objects.filter(user_id=due.user_id, enabled=True).exists()
            and not Entry.objects.filter(user_id=due.user_id, date=due.day).exists()
        )
        if not still_wanted:
            return None
        try:
            with transaction.atomic():
                return ReminderDelivery.objects.create(
                    user_id=due.user_id,
                    day=due.day,
                    status=DeliveryStatus.SENDING,
                    attempts=1,
                    claimed_at=now,
                )
        except IntegrityError:
            pass
        # The day's reminder exists: take it over only if it failed and its retry time has come,
        # as a compare-and-set, so that of two rounds only one does.
        taken = ReminderDelivery.objects.filter(
            Q(retry_at__lte=now), user_id=due.user_id, day=due.day, status=DeliveryStatus.FAILED
        ).update(status=DeliveryStatus.SENDING, attempts=F("attempts") + 1, claimed_at=now, retry_at=None)
        return ReminderDelivery.objects.get(user_id=due.user_id, day=due.day) if taken else None


def _settle(*, delivery: ReminderDelivery, error: BaseException | None, now: datetime.datetime) -> None:
    if error is None:
        changes = {"status": DeliveryStatus.SENT, "sent_at": now, "error": ""}
    else:
        changes = {
            "status": DeliveryStatus.FAILED,
            "retry_at": now + retry_delay(delivery.attempts),
            "error": type(error).__name__,
        }
    ReminderDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(**changes)


def reminders_send_due(*, now: datetime.datetime | None = None) -> RoundOutcome:
    """One round: send every reminder due at ``now``. Safe to run twice, or twice at once.

    Raises MailServerUnavailable, having claimed nothing, when the mail server cannot be reached:
    the next round tries again.
    """
    now = now or timezone.now()
    outcome = RoundOutcome()
    due = reminders_due(now=now)
    if not due:
        return outcome
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - whatever the reason, no reminder is claimed
        raise MailServerUnavailable(type(error).__name__) from error
    try:
        for reminder in due:
            delivery = _claim(due=reminder, now=now)
            if delivery is None:
                outcome.skipped += 1
                continue
            failure: BaseException | None = None
            try:
                connection.send_messages([reminder_message(user_id=reminder.user_id, address=reminder.email)])
            except Exception as error:  # noqa: BLE001 - one refused address must not stop the round
                failure = error
            _settle(delivery=delivery, error=failure, now=now)
            if failure is None:
                outcome.sent += 1
            else:
                outcome.failed += 1
    finally:
        with contextlib.suppress(Exception):  # a server that hung up already
            connection.close()
    if outcome.failed:
        # Class names only: a mail server's message may echo the address back.
        logger.warning(
            "Reminders: %d sent, %d refused by the mail server (tried again later).",
            outcome.sent,
            outcome.failed,
        )
    return outcome
