"""The free-text painkiller names written before the medication list become intakes: every name is
kept whole on its own entry, and each different name is on its person's list, one tap away."""

import datetime

import pytest
from django.db.models import F

from tests.migrating import latest, migrate

BEFORE = [("journal", "0003_medication_list_and_intakes")]
# Day of November -> (person, what was typed under "which painkillers"; None: painkillers not ticked).
TYPED = {
    1: ("kim", "Ibuprofen 400 mg"),
    2: ("kim", "ibuprofen 400 MG"),  # the same medicine typed otherwise: one list item, both texts kept
    3: ("kim", "Paracetamol 500 mg, twice; =1+1"),
    4: ("kim", ""),  # took something, said not what
    5: ("kim", None),
    6: ("kim", "  Naproxen  "),
    7: ("kim", "Novalgin® Tropfen – 20 Tr."),
    8: ("kim", "x" * 200),
    9: ("sam", "Ibuprofen 400 mg"),  # another person's list is their own
}


def write_old_journal(apps):
    User = apps.get_model("accounts", "User")
    Entry = apps.get_model("journal", "Entry")
    people = {
        name: User.objects.create(username=name, email=f"{name}@example.org") for name in ("kim", "sam")
    }
    for day, (name, typed) in TYPED.items():
        Entry.objects.create(
            user=people[name],
            date=datetime.date(2026, 11, day),
            season="autumn",
            upper_back=3,
            painkillers=typed is not None,
            painkiller_names=typed or "",
        )


@pytest.mark.django_db(transaction=True)
def test_every_painkiller_name_becomes_an_intake_of_its_own_entry_and_comes_back_when_undone():
    try:
        write_old_journal(migrate(BEFORE))

        now = migrate(latest())
        Entry = now.get_model("journal", "Entry")
        for entry in Entry.objects.order_by("date"):
            person, typed = TYPED[entry.date.day]
            intakes = list(entry.intakes.values_list("name", "dose", "time", "relief", "medication__name"))
            expected = (typed or "").strip()
            assert intakes == ([(expected, "", None, None, intakes[0][4])] if expected else []), entry.date
            assert entry.painkillers is (typed is not None)
            if expected:
                assert intakes[0][4].casefold() == expected.casefold(), "linked to the list item of that name"
        Medication = now.get_model("journal", "Medication")
        assert sorted(
            Medication.objects.filter(user__username="kim").values_list("name", flat=True)
        ) == sorted(
            [
                "Ibuprofen 400 mg",
                "Paracetamol 500 mg, twice; =1+1",
                "Naproxen",
                "Novalgin® Tropfen – 20 Tr.",
                "x" * 200,
            ]
        )
        assert list(Medication.objects.filter(user__username="sam").values_list("name", flat=True)) == [
            "Ibuprofen 400 mg"
        ]
        Intake = now.get_model("journal", "Intake")
        assert not Intake.objects.exclude(medication__user=F("entry__user")).exists(), "each on its own list"

        undone = migrate(BEFORE)
        for entry in undone.get_model("journal", "Entry").objects.all():
            typed = TYPED[entry.date.day][1]
            assert (entry.painkillers, entry.painkiller_names) == (typed is not None, (typed or "").strip())
    finally:
        migrate(latest())
