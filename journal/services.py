"""Writes to the journal's entries: the record alone.

An entry is never stored without its triage, and triage sits above the journal, so the person's
saves go through front.services, which calls these and then the triage engine in one transaction.
Every entry written here gets its season.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from journal.models import Entry
from journal.seasons import season_for
from journal.vocabulary import RadiatesTo, SelfHelp, Symptom, Vocabulary

if TYPE_CHECKING:
    from accounts.models import User

# Fields a person fills in; everything else on Entry is derived or bookkeeping.
ENTRY_FIELDS = (
    "date", "time",
    "neck", "shoulders", "upper_back", "middle_back", "lower_back",
    "radiates_to", "spasms", "symptoms", "painkillers", "painkiller_names", "self_help",
    "sitting_hours", "sitting_posture", "shoulder_load", "shoulders_raised_cold",
    "running_minutes", "running_surface", "warmed_up", "stretched_after", "shoes_fit",
    "strength_training", "other_movement_minutes",
    "notes",
)  # fmt: skip

_CODE_LISTS: dict[str, type[Vocabulary]] = {
    "radiates_to": RadiatesTo,
    "symptoms": Symptom,
    "self_help": SelfHelp,
}


def _apply(entry: Entry, data: Mapping[str, Any]) -> None:
    for name in ENTRY_FIELDS:
        if name in data:
            setattr(entry, name, data[name])
    for name, choices in _CODE_LISTS.items():
        codes = list(dict.fromkeys(getattr(entry, name) or []))
        unknown = [code for code in codes if code not in choices.values]
        if unknown:
            raise ValidationError({name: f"Unknown value: {', '.join(map(str, unknown))}."})
        # Stored in vocabulary order so equal answers compare equal.
        setattr(entry, name, [code for code in choices.values if code in codes])
    entry.season = season_for(entry.date, entry.user.hemisphere)
    entry.full_clean(exclude=["user"])


def journal_lock(*, user: User) -> None:
    """Serialise writes to one person's journal: two saves at once (a double click, two tabs) would
    otherwise judge each other's triage window on stale data. SQLite serialises writers anyway."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()


@transaction.atomic
def entry_create(*, user: User, data: Mapping[str, Any]) -> Entry:
    """Store a new entry; the caller runs its triage (front.services.entry_create)."""
    journal_lock(user=user)
    entry = Entry(user=user)
    _apply(entry, data)
    entry.save()
    entry.refresh_from_db(fields=["pain"])
    return entry


@transaction.atomic
def entry_update(*, entry: Entry, data: Mapping[str, Any]) -> datetime.date:
    """Store the changed entry; returns the day it had before, whose triage windows change too."""
    journal_lock(user=entry.user)
    old_date = Entry.objects.filter(pk=entry.pk).values_list("date", flat=True).get()
    _apply(entry, data)
    entry.save()
    entry.refresh_from_db(fields=["pain"])
    return old_date


@transaction.atomic
def entry_delete(*, entry: Entry) -> None:
    """Delete the entry; its own flags and review go with it (the database cascades)."""
    journal_lock(user=entry.user)
    entry.delete()


@transaction.atomic
def entries_reseason(*, user: User, hemisphere: str) -> None:
    """Recompute the season of every entry of the person (after a change of hemisphere)."""
    entries = list(Entry.objects.of(user).only("id", "date", "season"))
    for entry in entries:
        entry.season = season_for(entry.date, hemisphere)
    Entry.objects.bulk_update(entries, ["season"], batch_size=500)
