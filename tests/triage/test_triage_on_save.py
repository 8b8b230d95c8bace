"""Saving an entry triages it in the same transaction: its flags are stored with what they said."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from front.services import entry_create
from journal.models import Entry
from tests.factories import entry_post_data
from tests.triage.conftest import open_rules, stored
from triage import rules
from triage.models import Flag

DAY = datetime.date(2026, 3, 10)


def test_saving_an_entry_stores_its_flags_with_urgency_message_and_reason(person, entry_of):
    entry = entry_of(person, date=DAY, upper_back=6, radiates_to=["arms"], symptoms=["headache"])
    flags = {flag.rule_id: flag for flag in Flag.objects.filter(entry=entry)}
    assert sorted(flags) == ["head_symptoms", "radiating_pain"]
    head = flags["head_symptoms"]
    assert (head.urgency, head.status, head.source) == ("soon", "open", "article")
    assert head.message == rules.RULES_BY_CODE["head_symptoms"].default_message
    assert head.reason == "This entry records pain of 6/10 in the upper back together with headache."
    assert head.withdrawn_at is None


def test_an_entry_without_any_criterion_gets_no_flag(person, entry_of):
    entry = entry_of(person, date=DAY, upper_back=3)
    assert stored(entry) == []


def test_saddle_numbness_is_an_emergency_whatever_the_pain(person, entry_of):
    entry = entry_of(person, date=DAY, upper_back=0, symptoms=["saddle_numbness"])
    assert stored(entry) == [("cauda_equina", "emergency", "open")]


def test_numbness_with_dizziness_is_urgent(person, entry_of):
    entry = entry_of(person, date=DAY, symptoms=["numbness", "dizziness"])
    assert ("numbness", "urgent", "open") in stored(entry)


def test_the_web_form_stores_the_flags_of_the_entry(person_client, person):
    person_client.post(
        reverse("journal:entry-create"),
        entry_post_data(upper_back="5", common_symptoms=["headache"], red_flag_symptoms=["leg_weakness"]),
    )
    assert open_rules(Entry.objects.get(user=person)) == ["cauda_equina", "head_symptoms"]


def test_an_entry_is_not_saved_when_its_triage_fails(person, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("rules unavailable")

    monkeypatch.setattr("triage.engine.evaluate", broken)
    with pytest.raises(RuntimeError):
        entry_create(user=person, data={"date": DAY, "upper_back": 5, "symptoms": ["headache"]})
    assert not Entry.objects.exists()


def test_the_database_refuses_a_second_flag_for_the_same_entry_and_rule(person, entry_of):
    entry = entry_of(person, date=DAY, upper_back=5, symptoms=["headache"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(
            entry=entry, rule_id="head_symptoms", urgency="soon", message="m", reason="r", source="article"
        )


def test_the_database_refuses_an_unknown_urgency(person, entry_of):
    entry = entry_of(person, date=DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(
            entry=entry, rule_id="chest_pain", urgency="whenever", message="m", reason="r", source="article"
        )


def test_a_withdrawn_flag_must_say_when(person, entry_of):
    entry = entry_of(person, date=DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(
            entry=entry,
            rule_id="chest_pain",
            urgency="emergency",
            message="m",
            reason="r",
            source="clinical_guidance",
            status="withdrawn",
        )
