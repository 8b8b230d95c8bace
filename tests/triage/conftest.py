import pytest

from triage.models import Flag, TriageRule


@pytest.fixture
def set_rule(db):
    """set_rule(code, enabled=..., urgency=..., **params) changes a rule's row as an admin would."""

    def change(code, *, enabled=None, urgency=None, message=None, **params):
        rule = TriageRule.objects.get(code=code)
        if enabled is not None:
            rule.enabled = enabled
        if urgency is not None:
            rule.urgency = urgency
        if message is not None:
            rule.message = message
        rule.params = {**rule.params, **params}
        rule.save()
        return rule

    return change


def open_rules(entry):
    """The codes of the entry's open flags, sorted."""
    return sorted(Flag.objects.filter(entry=entry, status="open").values_list("rule_id", flat=True))


def stored(entry):
    """(rule, urgency, status) of every stored flag of the entry, sorted by rule."""
    return sorted(Flag.objects.filter(entry=entry).values_list("rule_id", "urgency", "status"))
