"""Writes to the journal. Every write goes through here, so every entry gets its season."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from backpain_site.accounts.selectors import user_has_consented
from journal.models import Entry
from journal.seasons import season_for
from journal.vocabulary import RadiatesTo, SelfHelp, Symptom
from triage.engine import entries_around_retriage

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

_CODE_LISTS = {"radiates_to": RadiatesTo, "symptoms": Symptom, "self_help": SelfHelp}


def _apply(entry, data):
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


def _lock_journal(user):
    """Serialise writes to one person's journal: two saves at once (a double click, two tabs) would
    otherwise judge each other's triage window on stale data. SQLite serialises writers anyway."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()


@transaction.atomic
def entry_create(*, user, data):
    if not user_has_consented(user=user):
        raise PermissionDenied("Consent to store health data is needed first.")
    _lock_journal(user)
    entry = Entry(user=user)
    _apply(entry, data)
    entry.save()
    entry.refresh_from_db(fields=["pain"])
    # In the same transaction: an entry is never stored without its triage. A back-dated entry
    # can also change the flags of the later entries whose window holds its day.
    entries_around_retriage(entry=entry, user=user, days=[entry.date])
    return entry


@transaction.atomic
def entry_update(*, entry, data):
    _lock_journal(entry.user)
    # The stored day, not the instance's: both the old and the new day's windows change.
    old_date = Entry.objects.filter(pk=entry.pk).values_list("date", flat=True).get()
    _apply(entry, data)
    entry.save()
    entry.refresh_from_db(fields=["pain"])
    entries_around_retriage(entry=entry, user=entry.user, days=[old_date, entry.date])
    return entry


@transaction.atomic
def entry_delete(*, entry):
    _lock_journal(entry.user)
    user, day = entry.user, entry.date
    # The entry's own flags go with it; the later entries that counted its day are re-judged.
    entry.delete()
    entries_around_retriage(entry=None, user=user, days=[day])


@transaction.atomic
def entries_reseason(*, user):
    """Recompute the season of every entry of the person (after a change of hemisphere)."""
    entries = list(Entry.objects.of(user).only("id", "date", "season"))
    for entry in entries:
        entry.season = season_for(entry.date, user.hemisphere)
    Entry.objects.bulk_update(entries, ["season"], batch_size=500)
