"""Reads of the journal. Every query here is scoped to one person."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max, QuerySet
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404

from journal.insights import REGIONS, EntryValues, MedicationIntake
from journal.models import Entry, Intake, Medication
from journal.services import CARRIED_OVER_FIELDS
from journal.vocabulary import Region

if TYPE_CHECKING:
    from accounts.models import User

PAGE_SIZE = 20


def entry_get(*, user: User, pk: int) -> Entry:
    """The person's own entry, or 404: another person's entry is indistinguishable from none.
    Its intakes come along in one more query."""
    return get_object_or_404(Entry.objects.of(user).prefetch_related("intakes"), pk=pk)


@dataclass(frozen=True)
class StartingPoint:
    """What "start from my last entry" offers: the day of that entry and the values it carries over."""

    date: datetime.date
    values: dict[str, Any]


def entry_starting_point(*, user: User) -> StartingPoint | None:
    """The person's latest entry as a starting point for a new one (regions and habits), or None
    when the journal is empty. One query."""
    row = Entry.objects.of(user).values("date", *CARRIED_OVER_FIELDS).first()
    if row is None:
        return None
    return StartingPoint(date=row.pop("date"), values=row)


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
    """Every entry of the person, oldest first, with their intakes (one more query)."""
    return Entry.objects.of(user).order_by("date", "time", "id").prefetch_related("intakes")


def medication_list(*, user: User) -> QuerySet[Medication]:
    """The person's medication list, by name."""
    return Medication.objects.filter(user=user)


def medication_get(*, user: User, pk: int) -> Medication:
    """A medication of the person's own list (with its use, as below), or 404, like another
    person's entry."""
    return get_object_or_404(medication_list_with_use(user=user), pk=pk)


def medication_list_with_use(*, user: User) -> QuerySet[Medication]:
    """The person's medication list, each with how many intakes record it and the last day one did."""
    # A query with GROUP BY leaves the model's ordering out: named again.
    return (
        medication_list(user=user)
        .annotate(intake_count=Count("intakes"), last_taken=Max("intakes__entry__date"))
        .order_by(Lower("name"), "id")
    )


def intake_get(*, user: User, pk: int) -> Intake:
    """An intake recorded on one of the person's entries, or 404."""
    return get_object_or_404(Intake.objects.filter(entry__user=user).select_related("entry"), pk=pk)


# What journal.insights reads of an entry: values, not model instances, for years of entries.
_INSIGHT_FIELDS = (
    "date", "season", *Region.values, "spasms", "sitting_hours", "sitting_posture", "shoulder_load",
    "shoulders_raised_cold", "running_minutes", "running_surface", "warmed_up", "stretched_after",
    "shoes_fit", "strength_training",
)  # fmt: skip
# insight_entries builds EntryValues by position: after the regions, the same fields in its order.
assert _INSIGHT_FIELDS[7:] == EntryValues._fields[3:]


def insight_entries(
    *, user: User, date_from: datetime.date | None, date_to: datetime.date
) -> list[EntryValues]:
    """The person's entries from ``date_from`` (from the first when None) to ``date_to``, as the
    insights read them, oldest first: one query."""
    entries = Entry.objects.of(user).filter(date__lte=date_to)
    if date_from is not None:
        entries = entries.filter(date__gte=date_from)
    rows = entries.order_by("date", "time", "id").values_list(*_INSIGHT_FIELDS)
    # By position: the fields after the regions are EntryValues' own, in its order.
    return [EntryValues(row[0], row[1], dict(zip(REGIONS, row[2:7], strict=True)), *row[7:]) for row in rows]


def insight_intakes(
    *, user: User, date_from: datetime.date | None, date_to: datetime.date
) -> list[MedicationIntake]:
    """The medicines the person took from ``date_from`` (from the first when None) to ``date_to``,
    with the relief each brought, as the insights read them: one query."""
    intakes = Intake.objects.filter(entry__user=user, entry__date__lte=date_to)
    if date_from is not None:
        intakes = intakes.filter(entry__date__gte=date_from)
    # Oldest first: a medicine written several ways is named as it was first written.
    rows = intakes.order_by("entry__date", "entry__time", "id").values_list("entry__date", "name", "relief")
    return [MedicationIntake(date=day, name=name, relief=relief) for day, name, relief in rows]
