"""Each journal page runs a fixed number of queries, whatever the amount of data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from journal.models import Entry, Intake, Medication
from journal.vocabulary import Season

# Queries a page may run: session, user, consent, the page's own reads, triage, review and tip reads.
MAX_QUERIES = 14


def bulk_entries(user, count):
    """Many entries at once; the service path is exercised elsewhere, this only needs volume."""
    start = datetime.date(2026, 11, 23)
    Entry.objects.bulk_create(
        Entry(
            user=user,
            date=start - datetime.timedelta(days=n // 2),
            upper_back=n % 11,
            lower_back=(n * 3) % 11,
            symptoms=["headache"] if n % 7 == 0 else [],
            season=Season.AUTUMN,
        )
        for n in range(count)
    )
    return Entry.objects.filter(user=user).first()


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize(
    "name", ["journal:dashboard", "journal:entry-list", "journal:entry-detail", "journal:entry-update"]
)
def test_page_queries_do_not_grow_with_entries(
    person_client, person, django_assert_max_num_queries, name, count
):
    entry = bulk_entries(person, count)
    args = [entry.pk] if name in ("journal:entry-detail", "journal:entry-update") else []
    with django_assert_max_num_queries(MAX_QUERIES):
        response = person_client.get(reverse(name, args=args))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 500])
def test_a_filtered_later_page_of_the_list_runs_a_fixed_number_of_queries(
    person_client, person, django_assert_max_num_queries, count
):
    bulk_entries(person, count)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = person_client.get(reverse("journal:entry-list"), {"region": "upper_back", "page": "2"})
    assert response.status_code == 200


def bulk_medicines(user, entry, count):
    """``count`` more medications on the person's list, each taken once on ``entry``."""
    first = Medication.objects.filter(user=user).count()
    medications = Medication.objects.bulk_create(
        Medication(user=user, name=f"Medicine {n}", dose=f"{n} mg") for n in range(first, first + count)
    )
    Intake.objects.bulk_create(
        Intake(entry=entry, medication=medication, name=medication.name, dose=medication.dose, relief=n % 11)
        for n, medication in enumerate(medications)
    )


def queries_for(client, url, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("journal:entry-create", {}),
        ("journal:entry-create", {"start": "last"}),
        ("journal:entry-update", {}),
        ("journal:entry-detail", {}),
        ("journal:medication-list", {}),
        ("journal:entry-export", {}),
    ],
)
def test_pages_run_as_many_queries_with_twenty_medicines_as_with_two(person_client, person, name, query):
    entry = bulk_entries(person, 5)
    bulk_medicines(person, entry, 2)
    url = reverse(name, args=[entry.pk] if name in ("journal:entry-detail", "journal:entry-update") else [])
    few = queries_for(person_client, url, query)
    bulk_medicines(person, entry, 18)
    bulk_entries(person, 50)
    assert queries_for(person_client, url, query) == few <= MAX_QUERIES
