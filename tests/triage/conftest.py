"""Helpers of the triage tests: what flags an entry has."""

from triage.models import Flag


def open_rules(entry):
    """The codes of the entry's open flags, sorted."""
    return sorted(Flag.objects.filter(entry=entry, status="open").values_list("rule_id", flat=True))


def stored(entry):
    """(rule, urgency, status) of every stored flag of the entry, sorted by rule."""
    return sorted(Flag.objects.filter(entry=entry).values_list("rule_id", "urgency", "status"))
