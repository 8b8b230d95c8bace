"""Writes to the journal: entries with the medicines taken, and the person's medication list.

An entry is never stored without its triage, and triage sits above the journal, so the person's
saves go through front.services, which calls these and then the triage engine in one transaction.
Every entry written here gets its season.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from journal.models import Entry, Intake, Medication
from journal.seasons import season_for
from journal.vocabulary import RadiatesTo, Region, SelfHelp, Symptom, Vocabulary

if TYPE_CHECKING:
    from accounts.models import User

# The habits of the day (the journal format's "habits" object).
HABIT_FIELDS = (
    "sitting_hours", "sitting_posture", "shoulder_load", "shoulders_raised_cold",
    "running_minutes", "running_surface", "warmed_up", "stretched_after", "shoes_fit",
    "strength_training", "other_movement_minutes",
)  # fmt: skip
# Fields a person fills in; everything else on Entry is derived or bookkeeping. The medicines taken
# come as a list under "medications" (see entry_create).
ENTRY_FIELDS = (
    "date", "time",
    *Region.values,
    "radiates_to", "spasms", "symptoms", "painkillers", "self_help",
    *HABIT_FIELDS,
    "notes",
)  # fmt: skip
# What "start from my last entry" carries over: where it hurt and the habits, never what the person
# must answer afresh each day (symptoms, warning signs, medicines, notes).
CARRIED_OVER_FIELDS = (*Region.values, *HABIT_FIELDS)

_CODE_LISTS: dict[str, type[Vocabulary]] = {
    "radiates_to": RadiatesTo,
    "symptoms": Symptom,
    "self_help": SelfHelp,
}


def _apply(entry: Entry, data: Mapping[str, Any]) -> list[Intake] | None:
    """Set and validate the entry's fields; returns its validated intakes when ``data`` gives them."""
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
    intakes = None
    if "medications" in data:
        intakes = _intakes(entry, data["medications"])
        # "Took painkillers" follows from the intakes; it may also stand alone (not sure which).
        entry.painkillers = bool(entry.painkillers or intakes)
    elif entry.pk and not entry.painkillers:
        entry.painkillers = entry.intakes.exists()
    entry.full_clean(exclude=["user"])
    return intakes


def _intakes(entry: Entry, rows: Iterable[Mapping[str, Any]]) -> list[Intake]:
    """The intakes of ``rows`` (the journal format's {name, dose, time, relief}, and optionally the
    ``medication`` of the person's list it came from, whose name and usual dose then stand in for
    those not given), validated, not yet saved. An intake given by name alone is linked to the
    list's medication of that name, if there is one."""
    rows = list(rows)
    listed: dict[str, Medication] = {}
    if any(row.get("medication") is None for row in rows):
        listed = {m.name.casefold(): m for m in Medication.objects.filter(user=entry.user)}
    intakes = []
    for number, row in enumerate(rows, start=1):
        medication = row.get("medication")
        if medication is not None and medication.user_id != entry.user.pk:
            raise ValidationError({"medications": f"Medication {number}: not on your list."})
        name = str(row.get("name") or (medication.name if medication else "")).strip()
        intake = Intake(
            medication=medication or listed.get(name.casefold()),
            name=name,
            # A medication of the list given without a dose was taken at its usual dose.
            dose=str(row.get("dose", medication.dose if medication else "") or "").strip(),
            time=row.get("time"),
            relief=row.get("relief"),
        )
        try:
            intake.full_clean(exclude=["entry"])
        except ValidationError as error:
            problems = [
                f"Medication {number}, {field}: {message}"
                for field, messages in error.message_dict.items()
                for message in messages
            ]
            raise ValidationError({"medications": problems}) from error
        intakes.append(intake)
    return intakes


def _save_intakes(entry: Entry, intakes: list[Intake] | None) -> None:
    """Replace the entry's intakes with ``intakes``; None leaves them as they are."""
    if intakes is None:
        return
    entry.intakes.all().delete()
    for intake in intakes:
        intake.entry = entry
    Intake.objects.bulk_create(intakes)


def journal_lock(*, user: User) -> None:
    """Serialise writes to one person's journal: two saves at once (a double click, two tabs) would
    otherwise judge each other's triage window on stale data. SQLite serialises writers anyway."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()


def _new_entry(*, user: User, data: Mapping[str, Any]) -> Entry:
    entry = Entry(user=user)
    intakes = _apply(entry, data)
    entry.save()
    _save_intakes(entry, intakes)
    entry.refresh_from_db(fields=["pain"])
    return entry


@transaction.atomic
def entry_create(*, user: User, data: Mapping[str, Any]) -> Entry:
    """Store a new entry; the caller runs its triage (front.services.entry_create).

    ``data`` holds ENTRY_FIELDS and, optionally, "medications": the intakes of the day as mappings
    of name, dose, time and relief (the journal format), each with the ``medication`` of the list
    it was recorded from when there is one. Any intake makes the entry's painkillers true."""
    journal_lock(user=user)
    return _new_entry(user=user, data=data)


@transaction.atomic
def pain_free_entry_create(*, user: User, day: datetime.date, time: datetime.time) -> Entry | None:
    """Store an entry of no pain at all for ``day``, unless the day already has a pain-free entry:
    None then. Checked under the journal's lock, so two presses at once store one entry."""
    journal_lock(user=user)
    if Entry.objects.of(user).filter(date=day, pain=0).exists():
        return None
    return _new_entry(user=user, data={"date": day, "time": time})


@transaction.atomic
def entry_update(*, entry: Entry, data: Mapping[str, Any]) -> datetime.date:
    """Store the changed entry (with "medications", its intakes are replaced by those given);
    returns the day it had before, whose triage windows change too."""
    journal_lock(user=entry.user)
    old_date = Entry.objects.filter(pk=entry.pk).values_list("date", flat=True).get()
    intakes = _apply(entry, data)
    entry.save()
    _save_intakes(entry, intakes)
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


@transaction.atomic
def intake_relief_set(*, intake: Intake, relief: int | None) -> Intake:
    """Record how much an intake helped, 0 (not at all) to 10, usually some hours after taking it.
    How much a medicine helped is not read by any triage rule, so the entry is not judged again."""
    intake.relief = relief
    intake.full_clean(exclude=["entry", "medication"])
    intake.save(update_fields=["relief"])
    return intake


def _medication_save(medication: Medication) -> Medication:
    medication.name = medication.name.strip()
    medication.dose = medication.dose.strip()
    try:
        medication.full_clean(exclude=["user"])
        # Uniqueness is a constraint on the lower-cased name, which Django reports for the whole
        # form; the person needs it beside the name.
        medication.validate_constraints()
    except ValidationError as error:
        problems = error.message_dict
        if NON_FIELD_ERRORS in problems:
            problems.setdefault("name", []).extend(problems.pop(NON_FIELD_ERRORS))
        raise ValidationError(problems) from error
    medication.save()
    return medication


@transaction.atomic
def medication_create(*, user: User, name: str, dose: str = "") -> Medication:
    """Put a medication on the person's list; its intakes are then one tap on the entry form."""
    return _medication_save(Medication(user=user, name=name, dose=dose))


@transaction.atomic
def medication_update(*, medication: Medication, name: str, dose: str) -> Medication:
    """Change a medication of the list. Intakes already recorded keep the name and dose they had:
    they say what was taken then."""
    medication.name, medication.dose = name, dose
    return _medication_save(medication)


@transaction.atomic
def medication_delete(*, medication: Medication) -> None:
    """Take a medication off the list; the entries that record it keep their intakes."""
    medication.delete()
