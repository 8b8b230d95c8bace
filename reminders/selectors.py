"""Reads of reminders: a person's plan, and who is due for a reminder now."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q

from journal.models import Entry
from reminders.models import DeliveryStatus, ReminderDelivery, ReminderPlan
from reminders.timing import due_day

if TYPE_CHECKING:
    from accounts.models import User


def plan_of(*, user: User) -> ReminderPlan:
    """The person's plan, or the defaults (off, 20:00, no feed) unsaved when they never set one."""
    return ReminderPlan.objects.filter(user=user).first() or ReminderPlan(user=user)


def plan_by_feed_token(*, token: str) -> ReminderPlan | None:
    """The plan whose calendar feed has this address, with its person; None once revoked."""
    if not token:
        return None
    return ReminderPlan.objects.select_related("user").filter(feed_token=token, user__is_active=True).first()


@dataclass(frozen=True)
class DueReminder:
    user_id: int
    email: str
    day: datetime.date  # the person's local day


def reminders_due(*, now: datetime.datetime) -> list[DueReminder]:
    """Everyone whose reminder for their local day is due at ``now``: reminders on, the time passed
    on their own clock, nothing logged for that day, and no reminder yet (or a failed one whose
    retry time has come). Three queries, whatever the number of people."""
    plans = (
        ReminderPlan.objects.filter(enabled=True, user__is_active=True)
        .exclude(user__email="")
        .values_list("user_id", "user__email", "user__time_zone", "at")
    )
    candidates = {}
    for user_id, email, zone, at in plans:
        day = due_day(now=now, zone=zone, at=at)
        if day is not None:
            candidates[user_id] = DueReminder(user_id=user_id, email=email, day=day)
    if not candidates:
        return []
    days = {due.day for due in candidates.values()}  # at most three: local days differ by one or two
    logged = set(
        Entry.objects.filter(user_id__in=candidates, date__in=days).values_list("user_id", "date").distinct()
    )
    taken = set(
        ReminderDelivery.objects.filter(user_id__in=candidates, day__in=days)
        .exclude(Q(status=DeliveryStatus.FAILED, retry_at__lte=now))
        .values_list("user_id", "day")
    )
    return [
        due
        for user_id, due in sorted(candidates.items())
        if (user_id, due.day) not in logged and (user_id, due.day) not in taken
    ]
