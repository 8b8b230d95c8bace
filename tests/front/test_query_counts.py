"""Each journal page runs a fixed number of queries, whatever the amount of data."""

import datetime

import pytest
from django.urls import reverse

from journal.models import Entry
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
