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


# --- The staff review ----------------------------------------------------------------------


def make_reviewer(username="rowan", **fields):
    """A staff member in the Reviewers group, as seed_demo makes the demo reviewer."""
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory(username=username, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


@pytest.fixture
def reviewer(db):
    return make_reviewer()


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def flagged_entry(person, entry_of):
    """An entry of the person with one "soon" flag (headache with upper-back pain)."""
    return entry_of(person, upper_back=6, symptoms=["headache"], notes="private words of alex")
