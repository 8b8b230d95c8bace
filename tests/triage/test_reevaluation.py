"""Editing or deleting an entry re-evaluates it and the later entries whose window holds its day."""

import datetime

from front.services import entry_delete, entry_update
from journal.models import Entry
from tests.triage.conftest import open_rules, stored
from triage.models import Flag

DAY = datetime.date(2026, 3, 10)


def days_after(n):
    return DAY + datetime.timedelta(days=n)


def spasm_days(entry_of, person, offsets):
    return [entry_of(person, date=days_after(n), spasms=1) for n in offsets]


def test_removing_a_symptom_withdraws_its_flag_and_keeps_it(person, entry_of):
    entry = entry_of(person, date=DAY, upper_back=5, symptoms=["headache"])
    entry_update(entry=entry, data={"symptoms": []})
    flag = Flag.objects.get(entry=entry, rule_id="head_symptoms")
    assert flag.status == "withdrawn"
    assert flag.withdrawn_at is not None
    assert flag.withdrawn_reason == "The entry was changed and no longer meets this criterion."


def test_a_withdrawn_flag_opens_again_when_its_criterion_returns(person, entry_of):
    entry = entry_of(person, date=DAY, upper_back=5, symptoms=["headache"])
    first = Flag.objects.get(entry=entry)
    entry_update(entry=entry, data={"symptoms": []})
    entry_update(entry=entry, data={"symptoms": ["headache"]})
    again = Flag.objects.get(entry=entry)
    assert again.pk == first.pk
    assert (again.status, again.withdrawn_at, again.withdrawn_reason) == ("open", None, "")


def test_saving_an_entry_twice_unchanged_duplicates_nothing(person, entry_of):
    entry = entry_of(person, date=DAY, upper_back=5, symptoms=["headache"], painkillers=True)
    entry_update(entry=entry, data={})
    entry_update(entry=entry, data={})
    assert stored(entry) == [("head_symptoms", "soon", "open"), ("painkiller_use", "routine", "open")]


def test_an_edit_that_changes_the_reason_updates_the_open_flag(person, entry_of):
    entry = entry_of(person, date=DAY, upper_back=5, symptoms=["headache"])
    entry_update(entry=entry, data={"upper_back": 7})
    assert "7/10" in Flag.objects.get(entry=entry).reason


def test_adding_spasms_to_an_earlier_day_flags_the_later_entries_of_the_window(person, entry_of):
    first, _, third = spasm_days(entry_of, person, [0, 1, 2])
    later = entry_of(person, date=days_after(13), spasms=1)
    beyond = entry_of(person, date=days_after(14), spasms=1)
    middle = Entry.objects.get(date=days_after(1))
    entry_update(entry=middle, data={"spasms": 0})
    # Day 2 is left with two spasm days (0 and 2); day 13 still counts three (0, 2 and 13).
    assert open_rules(third) == []
    assert open_rules(later) == ["recurring_spasms"]
    entry_update(entry=middle, data={"spasms": 2})
    assert open_rules(third) == ["recurring_spasms"]
    assert open_rules(first) == []  # entries before the changed day are not touched
    assert open_rules(beyond) == ["recurring_spasms"]


def test_an_edit_re_evaluates_the_later_entries_of_the_old_and_the_new_day(person, entry_of):
    moved = entry_of(person, date=DAY, spasms=1)
    entry_of(person, date=days_after(1), spasms=1)
    near_old = entry_of(person, date=days_after(2), spasms=1)
    entry_of(person, date=days_after(30), spasms=1)
    near_new = entry_of(person, date=days_after(33), spasms=1)
    assert open_rules(near_old) == ["recurring_spasms"]
    assert open_rules(near_new) == []

    entry_update(entry=moved, data={"date": days_after(32)})

    assert open_rules(near_old) == []
    assert Flag.objects.get(entry=near_old).withdrawn_reason.startswith("An entry of the days before it")
    assert open_rules(near_new) == ["recurring_spasms"]


def test_deleting_an_entry_re_evaluates_the_later_entries(person, entry_of):
    first, _, third = spasm_days(entry_of, person, [0, 1, 2])
    fourth = entry_of(person, date=days_after(3), spasms=1)
    assert open_rules(third) == ["recurring_spasms"]
    entry_delete(entry=first)
    assert open_rules(third) == []
    assert open_rules(fourth) == ["recurring_spasms"]  # days 1, 2 and 3 remain
    assert not Flag.objects.filter(entry_id=first.pk).exists()


def test_a_back_dated_entry_re_evaluates_the_later_ones(person, entry_of):
    spasm_days(entry_of, person, [1, 2])
    third = Entry.objects.get(date=days_after(2))
    assert open_rules(third) == []
    entry_of(person, date=DAY, spasms=1)
    assert open_rules(third) == ["recurring_spasms"]


def test_another_entry_on_the_same_day_is_re_evaluated_too(person, entry_of):
    spasm_days(entry_of, person, [0, 1])
    morning = entry_of(person, date=days_after(2), spasms=1)
    evening = entry_of(person, date=days_after(2), spasms=0, upper_back=2)
    assert open_rules(morning) == ["recurring_spasms"]
    entry_update(entry=Entry.objects.get(date=DAY), data={"spasms": 0})
    assert open_rules(morning) == []
    assert open_rules(evening) == []


def test_other_peoples_entries_are_never_touched(person, other_person, entry_of):
    spasm_days(entry_of, other_person, [0, 1, 2])
    theirs = Entry.objects.get(user=other_person, date=days_after(2))
    mine = entry_of(person, date=DAY, spasms=1)
    entry_delete(entry=mine)
    assert open_rules(theirs) == ["recurring_spasms"]
