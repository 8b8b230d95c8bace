"""A person's whole journal as a CSV file: theirs to keep, or to show a doctor."""

import csv

from journal.services import ENTRY_FIELDS

LIST_FIELDS = ("radiates_to", "symptoms", "self_help")
COLUMNS = ("date", "time", *(name for name in ENTRY_FIELDS if name not in ("date", "time")), "pain", "season")


# A spreadsheet runs a cell that starts with one of these as a formula: text typed by the person
# (notes, painkiller names) is kept as text by a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(entry, name):
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


def write_csv(entries, stream):
    """One row an entry, oldest first; list fields as space-separated vocabulary codes."""
    writer = csv.writer(stream)
    writer.writerow([*COLUMNS, "open_advice"])
    for entry in entries:
        advice = " ".join(sorted(flag.rule_id for flag in entry.open_flags))
        writer.writerow([*(_cell(entry, name) for name in COLUMNS), advice])
