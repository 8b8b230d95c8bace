"""Reads of the journal. Every query here is scoped to one person."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Max, QuerySet
from django.shortcuts import get_object_or_404

from journal.models import Entry

if TYPE_CHECKING:
    from accounts.models import User

PAGE_SIZE = 20


def entry_get(*, user: User, pk: int) -> Entry:
    """The person's own entry, or 404: another person's entry is indistinguishable from none."""
    return get_object_or_404(Entry.objects.of(user), pk=pk)


def entry_list(
    *,
    user: User,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    region: str | None = None,
) -> QuerySet[Entry]:
    entries = Entry.objects.of(user)
    if date_from:
        entries = entries.filter(date__gte=date_from)
    if date_to:
        entries = entries.filter(date__lte=date_to)
    if region:
        entries = entries.filter(**{f"{region}__gt": 0})
    return entries


@dataclass(frozen=True)
class DayPain:
    date: datetime.date
    pain: int | None  # None when nothing was logged that day


def daily_highest_pain(*, user: User, today: datetime.date, days: int = 14) -> list[DayPain]:
    """The highest pain of each of the last `days` days, oldest first, in one query."""
    first = today - datetime.timedelta(days=days - 1)
    rows = (
        Entry.objects.of(user)
        .filter(date__range=(first, today))
        .values("date")
        .annotate(highest=Max("pain"))
        .order_by()
    )
    by_day = {row["date"]: row["highest"] for row in rows}
    return [
        DayPain(date=day, pain=by_day.get(day))
        for day in (first + datetime.timedelta(days=n) for n in range(days))
    ]


def entries_on(*, user: User, day: datetime.date) -> list[Entry]:
    return list(Entry.objects.of(user).filter(date=day))


def latest_entries(*, user: User, count: int = 5) -> QuerySet[Entry]:
    """The person's latest ``count`` entries, newest first."""
    return Entry.objects.of(user)[:count]


def entries_for_export(*, user: User) -> QuerySet[Entry]:
    """Every entry of the person, oldest first."""
    return Entry.objects.of(user).order_by("date", "time", "id")
