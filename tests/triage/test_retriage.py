"""retriage brings stored flags in line with the rules as configured now, in atomic batches."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from journal.models import Entry
from tests.triage.conftest import open_rules, stored
from triage import engine
from triage.models import Flag

DAY = datetime.date(2026, 3, 10)


def retriage(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("retriage", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def journal(person, entry_of):
    """Three spasm days and a headache day."""
    entries = [entry_of(person, date=DAY + datetime.timedelta(days=n), spasms=1) for n in range(3)]
    entries.append(entry_of(person, date=DAY, upper_back=5, symptoms=["headache"]))
    return entries


def test_a_lower_threshold_takes_effect_for_the_next_saved_entry(person, entry_of, set_rule):
    entry_of(person, date=DAY, spasms=1)
    assert open_rules(entry_of(person, date=DAY + datetime.timedelta(days=1), spasms=1)) == []
    set_rule("recurring_spasms", min_days=2)
    assert open_rules(entry_of(person, date=DAY + datetime.timedelta(days=2), spasms=1)) == [
        "recurring_spasms"
    ]


def test_retriage_applies_a_raised_threshold_to_stored_flags(journal, set_rule):
    assert open_rules(journal[2]) == ["recurring_spasms"]
    set_rule("recurring_spasms", min_days=4)
    out, _ = retriage()
    assert open_rules(journal[2]) == []
    flag = Flag.objects.get(entry=journal[2])
    assert (
        flag.withdrawn_reason
        == "The rule's settings were changed and the entry no longer meets this criterion."
    )
    assert "1 withdrawn" in out


def test_retriage_applies_a_changed_urgency(journal, set_rule):
    set_rule("head_symptoms", urgency="urgent")
    out, _ = retriage()
    assert stored(journal[3]) == [("head_symptoms", "urgent", "open")]
    assert "1 updated" in out


def test_retriage_withdraws_the_flags_of_a_disabled_rule_and_reopens_them(journal, set_rule):
    set_rule("head_symptoms", enabled=False)
    retriage()
    flag = Flag.objects.get(entry=journal[3])
    assert (flag.status, flag.withdrawn_reason) == ("withdrawn", engine.DISABLED_REASON)
    set_rule("head_symptoms", enabled=True)
    out, _ = retriage()
    assert open_rules(journal[3]) == ["head_symptoms"]
    assert "1 flags added" in out


def test_retriage_adds_the_flags_of_a_lowered_threshold(journal, set_rule):
    set_rule("recurring_spasms", min_days=2)
    out, _ = retriage()
    assert open_rules(journal[1]) == ["recurring_spasms"]
    assert out.strip() == "Re-evaluated 4 entries: 1 flags added, 0 updated, 0 withdrawn, 2 unchanged."


def test_running_it_twice_changes_nothing_the_second_time(journal, set_rule):
    set_rule("recurring_spasms", min_days=2)
    set_rule("head_symptoms", enabled=False)
    retriage()
    before = list(Flag.objects.order_by("id").values())
    out, _ = retriage()
    assert list(Flag.objects.order_by("id").values()) == before
    assert out.strip() == "Re-evaluated 4 entries: 0 flags added, 0 updated, 0 withdrawn, 2 unchanged."


def test_it_shows_progress_per_batch(journal):
    _, err = retriage("--batch-size", "2")
    assert err.splitlines() == [
        "[###############...............] 2/4 entries",
        "[##############################] 4/4 entries",
    ]


def test_since_and_user_limit_the_entries(journal, other_person, entry_of, set_rule):
    theirs = entry_of(other_person, date=DAY, upper_back=5, symptoms=["headache"])
    set_rule("head_symptoms", enabled=False)
    out, _ = retriage("--user", "sam")
    assert open_rules(journal[3]) == ["head_symptoms"]
    assert open_rules(theirs) == []
    out, _ = retriage("--since", (DAY + datetime.timedelta(days=1)).isoformat())
    assert open_rules(journal[3]) == ["head_symptoms"]
    assert out.startswith("Re-evaluated 2 entries")


def test_an_unknown_user_or_a_bad_day_is_refused(db):
    with pytest.raises(CommandError, match="No user named"):
        retriage("--user", "nobody")
    with pytest.raises(CommandError, match="not a day"):
        retriage("--since", "last week")


def test_a_stop_halfway_leaves_each_batch_done_or_untouched(journal, set_rule, monkeypatch):
    set_rule("recurring_spasms", enabled=False)
    set_rule("head_symptoms", enabled=False)
    real = engine._reconcile
    calls = []

    def stop_in_second_batch(**kwargs):
        outcome = real(**kwargs)
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return outcome

    monkeypatch.setattr(engine, "_reconcile", stop_in_second_batch)
    ids = list(Entry.objects.order_by("user_id", "date", "id").values_list("id", flat=True))
    with pytest.raises(KeyboardInterrupt):
        retriage("--batch-size", "2")
    # The first batch (the two entries of the first day) is done, the second rolled back whole.
    assert open_rules(Entry.objects.get(pk=ids[0])) == []
    assert open_rules(Entry.objects.get(pk=ids[1])) == []
    assert open_rules(Entry.objects.get(pk=ids[3])) == ["recurring_spasms"]
    monkeypatch.setattr(engine, "_reconcile", real)
    retriage()
    assert not Flag.objects.filter(status="open").exists()
