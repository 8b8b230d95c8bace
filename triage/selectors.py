"""Reads of triage flags for a person's own pages; every query is scoped to that person's entries."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from journal.models import Entry
from triage import advice
from triage.models import Acknowledgement, Flag, FlagStatus
from triage.rules import urgency_rank

if TYPE_CHECKING:
    from accounts.models import User


def by_urgency(flags: Iterable[Flag]) -> list[Flag]:
    """Highest urgency first, then by rule code, so an emergency always leads."""
    return sorted(flags, key=lambda flag: (urgency_rank(flag.urgency), flag.rule_id))


def entry_open_flags(*, entry: Entry) -> list[Flag]:
    """The open flags of one entry (already scoped: the entry was fetched for its owner)."""
    return by_urgency(Flag.objects.filter(entry=entry, status=FlagStatus.OPEN))


def with_open_flags(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    """The entries with their open flags in ``entry.open_flags``: one extra query per page."""
    return entries.prefetch_related(
        Prefetch(
            "flags",
            queryset=Flag.objects.filter(status=FlagStatus.OPEN).only("id", "entry_id", "rule_id", "urgency"),
            to_attr="open_flags",
        )
    )


@dataclass(frozen=True)
class Advice:
    """One piece of advice on the dashboard: a rule, with every open flag of it in the last days
    that the person has not answered. ``lead`` is the flag it speaks of: the most urgent, and among
    equals the most recent."""

    lead: Flag
    flags: list[Flag]  # newest entry first
    today: datetime.date
    now: datetime.datetime

    @property
    def title(self) -> str:
        return self.lead.title

    @property
    def urgency(self) -> str:
        return self.lead.urgency

    @property
    def dates(self) -> list[datetime.date]:
        return sorted({flag.entry.date for flag in self.flags})

    @property
    def earlier_dates(self) -> list[datetime.date]:
        """The other days this advice was given for."""
        return [day for day in self.dates if day != self.lead.entry.date]

    @property
    def about_an_earlier_day(self) -> bool:
        return self.lead.entry.date < self.today

    @property
    def past_words(self) -> str:
        return advice.past_advice(
            day=self.lead.entry.date, today=self.today, urgency=self.urgency, reason=self.lead.reason
        )

    @property
    def hide_waits_until(self) -> datetime.datetime | None:
        """When "Hide" will be offered, while it must wait: emergency advice stays for its first day."""
        moments = [moment for flag in self.flags if (moment := flag.hide_allowed_from) and moment > self.now]
        return max(moments, default=None)


def open_advice(
    *, user: User, today: datetime.date, now: datetime.datetime | None = None, days: int = 14
) -> list[Advice]:
    """The person's open advice of the last ``days`` days that they have not answered, one piece
    per rule, highest urgency first; two queries whatever the number of entries. Per rule the most
    urgent flag leads and, among equals, the most recent: a calmer entry today must not hide an
    urgent one from two days ago. An answer holds for the urgency it was given at."""
    first = today - datetime.timedelta(days=days - 1)
    flags = (
        Flag.objects.filter(entry__user=user, entry__date__range=(first, today), status=FlagStatus.OPEN)
        .select_related("entry")
        .only(
            "id", "rule_id", "urgency", "message", "reason", "updated_at",
            "entry__id", "entry__date", "entry__user_id",
        )
        .prefetch_related(
            Prefetch("acknowledgements", queryset=Acknowledgement.objects.only("flag_id", "urgency"))
        )
        .order_by("-entry__date", "-entry__time", "-entry__id")
    )  # fmt: skip
    by_rule: dict[str, list[Flag]] = {}
    for flag in flags:  # newest first
        if any(answer.covers(flag) for answer in flag.acknowledgements.all()):
            continue
        by_rule.setdefault(flag.rule_id, []).append(flag)
    pieces = [
        Advice(
            lead=min(group, key=lambda flag: urgency_rank(flag.urgency)),
            flags=group,
            today=today,
            now=now or timezone.now(),
        )
        for group in by_rule.values()
    ]
    return sorted(pieces, key=lambda piece: (urgency_rank(piece.urgency), piece.lead.rule_id))


def flagged_days(
    *, user: User, date_from: datetime.date | None, date_to: datetime.date
) -> set[datetime.date]:
    """The days from ``date_from`` (from the first when None) to ``date_to`` on which an entry of the
    person has open advice: one query. It goes from the person's entries to each entry's flags by
    their indexes and leaves the status to Python: a condition on the status invites the planner to
    cross the whole table's status index, a thousand times for three years of entries."""
    flags = Flag.objects.filter(entry__user=user, entry__date__lte=date_to)
    if date_from is not None:
        flags = flags.filter(entry__date__gte=date_from)
    rows = flags.order_by().values_list("entry__date", "status")
    return {day for day, status in rows if status == FlagStatus.OPEN}
