"""The person's writes that span apps: an entry is stored and judged in one transaction.

The journal stores the entry (journal.services); the triage engine brings the flags of the entry,
and of every later entry whose window holds its day, in line with it. Everything that writes a
person's entries (the entry pages, the demo data, imports) comes through here, so no entry is ever
stored without its triage.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts.selectors import user_has_consented
from journal import services as journal
from journal.models import Entry
from triage.engine import entries_around_retriage

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def entry_create(*, user: User, data: Mapping[str, Any]) -> Entry:
    if not user_has_consented(user=user):
        raise PermissionDenied("Consent to store health data is needed first.")
    entry = journal.entry_create(user=user, data=data)
    # A back-dated entry can also change the flags of the later entries whose window holds its day.
    entries_around_retriage(entry=entry, user=user, days=[entry.date])
    return entry


@transaction.atomic
def no_pain_today(*, user: User, now: datetime.datetime | None = None) -> Entry | None:
    """The dashboard's "No pain today": a pain-free entry for today where the person is, at the
    current minute, judged like any other; None when today already has a pain-free entry."""
    if not user_has_consented(user=user):
        raise PermissionDenied("Consent to store health data is needed first.")
    moment = (now or timezone.now()).astimezone(user.zone)
    entry = journal.pain_free_entry_create(
        user=user, day=moment.date(), time=moment.time().replace(second=0, microsecond=0)
    )
    if entry is not None:
        entries_around_retriage(entry=entry, user=user, days=[entry.date])
    return entry


@transaction.atomic
def entry_update(*, entry: Entry, data: Mapping[str, Any]) -> Entry:
    old_date = journal.entry_update(entry=entry, data=data)
    # Both the old and the new day's windows change.
    entries_around_retriage(entry=entry, user=entry.user, days=[old_date, entry.date])
    return entry


@transaction.atomic
def entry_delete(*, entry: Entry) -> None:
    user, day = entry.user, entry.date
    journal.entry_delete(entry=entry)
    # The entry's own flags went with it; the later entries that counted its day are judged again.
    entries_around_retriage(entry=None, user=user, days=[day])
