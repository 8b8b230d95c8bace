"""The database itself refuses entries that contradict themselves, whatever code writes them."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from journal.models import Entry


@pytest.mark.parametrize(
    "fields",
    [
        {"lower_back": 11},
        {"sitting_hours": 25},
        {"running_minutes": 1441},
        {"running_surface": "grass"},
        {"running_minutes": 0, "warmed_up": True},
        {"season": "dry"},
    ],
    ids=lambda fields: ",".join(fields),
)
def test_a_contradictory_entry_is_refused_by_the_database(person, fields):
    values = {"user": person, "date": datetime.date(2026, 3, 1), "season": "spring"} | fields
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(**values)


def test_a_run_with_its_details_is_accepted(person):
    entry = Entry.objects.create(
        user=person,
        date=datetime.date(2026, 3, 1),
        season="spring",
        running_minutes=30,
        running_surface="track",
        warmed_up=True,
        painkillers=True,
    )
    assert entry.pk
