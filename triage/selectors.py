"""Reads of triage flags for a person's own pages; every query is scoped to that person's entries."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet

from journal.models import Entry
from triage.models import Flag, FlagStatus
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


def open_advice(*, user: User, today: datetime.date, days: int = 14) -> list[Flag]:
    """The person's open advice of the last ``days`` days, one flag per rule, highest urgency first;
    in one query whatever the number of entries. Per rule the most urgent flag wins and, among
    equals, the most recent: a calmer entry today must not hide an urgent one from two days ago."""
    first = today - datetime.timedelta(days=days - 1)
    flags = (
        Flag.objects.filter(entry__user=user, entry__date__range=(first, today), status=FlagStatus.OPEN)
        .select_related("entry")
        .only("id", "rule_id", "urgency", "message", "reason", "entry__id", "entry__date", "entry__user_id")
        .order_by("-entry__date", "-entry__time", "-entry__id")
    )
    chosen: dict[str, Flag] = {}
    for flag in flags:  # newest first
        kept = chosen.get(flag.rule_id)
        if kept is None or urgency_rank(flag.urgency) < urgency_rank(kept.urgency):
            chosen[flag.rule_id] = flag
    return by_urgency(chosen.values())
