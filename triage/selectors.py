"""Reads of triage flags for a person's own pages. Every query is scoped to one person's entries."""

import datetime

from django.db.models import Prefetch

from triage import rules
from triage.models import Flag, FlagStatus


def by_urgency(flags):
    """Highest urgency first, then by rule code, so an emergency always leads."""
    return sorted(flags, key=lambda flag: (rules.URGENCIES.index(flag.urgency), flag.rule_id))


def entry_open_flags(*, entry):
    """The open flags of one entry (already scoped: the entry was fetched for its owner)."""
    return by_urgency(Flag.objects.filter(entry=entry, status=FlagStatus.OPEN))


def with_open_flags(entries):
    """The entries with their open flags in ``entry.open_flags``: one extra query per page."""
    return entries.prefetch_related(
        Prefetch(
            "flags",
            queryset=Flag.objects.filter(status=FlagStatus.OPEN).only("id", "entry_id", "rule_id", "urgency"),
            to_attr="open_flags",
        )
    )


def open_advice(*, user, today, days=14):
    """The person's open advice of the last ``days`` days, one flag per rule (the most recent),
    highest urgency first; in one query whatever the number of entries."""
    first = today - datetime.timedelta(days=days - 1)
    flags = (
        Flag.objects.filter(entry__user=user, entry__date__range=(first, today), status=FlagStatus.OPEN)
        .select_related("entry")
        .only("id", "rule_id", "urgency", "message", "reason", "entry__id", "entry__date", "entry__user_id")
        .order_by("-entry__date", "-entry__time", "-entry__id")
    )
    latest = {}
    for flag in flags:
        latest.setdefault(flag.rule_id, flag)
    return by_urgency(latest.values())
