"""A person's whole journal as a CSV file: theirs to keep, or to show a doctor."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

from journal.models import Entry, Intake
from journal.services import ENTRY_FIELDS

LIST_FIELDS = ("radiates_to", "symptoms", "self_help")
# The entry's fields, then what is derived; the medicines taken, all in one cell, follow "painkillers".
COLUMNS = tuple(
    column
    for name in (*ENTRY_FIELDS, "pain", "season")
    for column in ((name, "medications") if name == "painkillers" else (name,))
)


# A spreadsheet runs a cell that starts with one of these as a formula: text typed by the person
# (notes, medication names) is kept as text by a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def _intake(intake: Intake) -> str:
    """One intake in a cell: "Ibuprofen, 400 mg, 09:00, relief 6/10", leaving out what is missing."""
    parts = [intake.name, intake.dose, f"{intake.time:%H:%M}" if intake.time else ""]
    if intake.relief is not None:
        parts.append(f"relief {intake.relief}/10")
    return ", ".join(part for part in parts if part)


def _cell(entry: Entry, name: str) -> Any:
    if name == "medications":
        value: Any = "; ".join(_intake(intake) for intake in entry.intakes.all())
    else:
        value = getattr(entry, name)
    if name in LIST_FIELDS:
        return " ".join(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Iterable[tuple[Entry, Iterable[str]]], stream: Writable) -> None:
    """One row an entry, in the order given; list fields as space-separated vocabulary codes.
    ``rows`` pairs each entry with the rule codes of its open advice (triage's, given by the caller)."""
    writer = csv.writer(stream)
    writer.writerow([*COLUMNS, "open_advice"])
    for entry, advice in rows:
        writer.writerow([*(_cell(entry, name) for name in COLUMNS), " ".join(sorted(advice))])
