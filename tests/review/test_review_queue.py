"""The review queue's flat view: one row per flagged entry, most urgent first then the longest waiting, counts
per urgency, filters, who holds what, and a fixed number of queries whatever the amount of data."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from journal.models import Entry
from journal.vocabulary import Season
from review.models import Review, ReviewEvent
from review.services import review_claim, review_note_add, review_release, review_reopen, review_resolve
from tests.factories import UserFactory, make_reviewer
from triage.models import Flag, FlagStatus

QUEUE = reverse("review:queue")
ENTRIES = {"show": "entries"}  # the flat view: one row per entry (the grouped view: test_review_cases)


def rows(response):
    """The entry ids of the queue's rows, in order."""
    return [int(pk) for pk in re.findall(r'href="/review/entries/(\d+)/"', response.content.decode())]


@pytest.fixture
def mixed(person, other_person, entry_of):
    """Entries with a soon, an emergency, a routine and an urgent flag, oldest first."""
    soon = entry_of(person, date=datetime.date(2026, 3, 1), upper_back=5, symptoms=["headache"])
    emergency = entry_of(other_person, date=datetime.date(2026, 3, 2), symptoms=["chest_pain"])
    routine = entry_of(person, date=datetime.date(2026, 3, 3), painkillers=True)
    urgent = entry_of(other_person, date=datetime.date(2026, 3, 4), lower_back=4, symptoms=["fever"])
    return {"soon": soon, "emergency": emergency, "routine": routine, "urgent": urgent}


def test_highest_urgency_first(reviewer_client, mixed):
    order = rows(reviewer_client.get(QUEUE, ENTRIES))
    assert order == [mixed[u].pk for u in ("emergency", "urgent", "soon", "routine")]


def test_equal_urgency_oldest_first(reviewer_client, person, entry_of):
    first = entry_of(person, date=datetime.date(2026, 3, 5), upper_back=5, symptoms=["headache"])
    second = entry_of(person, date=datetime.date(2026, 3, 1), upper_back=5, symptoms=["headache"])
    # "Oldest" is the longest waiting: the first flagged, whatever day the entry is about.
    Review.objects.filter(entry=second).update(waiting_since=timezone.now() + datetime.timedelta(minutes=1))
    assert rows(reviewer_client.get(QUEUE, ENTRIES)) == [first.pk, second.pk]


def test_counts_per_urgency_at_the_top(reviewer_client, mixed):
    html = reviewer_client.get(QUEUE, ENTRIES).content.decode()
    for urgency in ("Emergency", "Urgent", "Soon", "Routine"):
        assert f"{urgency}: 1 waiting" in html


@pytest.mark.parametrize("urgency", ["emergency", "urgent", "soon", "routine"])
def test_filter_by_urgency(reviewer_client, mixed, urgency):
    assert rows(reviewer_client.get(QUEUE, {**ENTRIES, "urgency": urgency})) == [mixed[urgency].pk]


def test_filter_by_rule(reviewer_client, mixed):
    assert rows(reviewer_client.get(QUEUE, {**ENTRIES, "rule": "painkiller_use"})) == [mixed["routine"].pk]


def test_filter_by_person(reviewer_client, mixed):
    assert rows(reviewer_client.get(QUEUE, {**ENTRIES, "person": "SAM"})) == [
        mixed["emergency"].pk,
        mixed["urgent"].pk,
    ]


def test_filter_by_date_range(reviewer_client, mixed):
    found = rows(reviewer_client.get(QUEUE, {**ENTRIES, "date_from": "2026-03-02", "date_to": "2026-03-03"}))
    assert found == [mixed["emergency"].pk, mixed["routine"].pk]


def test_filter_by_status(reviewer_client, reviewer, mixed, person, entry_of):
    claimed = Review.objects.get(entry=mixed["urgent"])
    review_claim(review=claimed, actor=reviewer, version=claimed.version)
    resolved = Review.objects.get(entry=mixed["soon"])
    Review.objects.filter(pk=resolved.pk).update(
        status="resolved", outcome="not_needed", resolved_at=timezone.now()
    )
    Flag.objects.filter(entry=mixed["routine"]).update(
        status=FlagStatus.WITHDRAWN, withdrawn_at=timezone.now(), withdrawn_reason="No longer met."
    )

    assert rows(reviewer_client.get(QUEUE, {**ENTRIES, "status": "open"})) == [mixed["emergency"].pk]
    assert rows(reviewer_client.get(QUEUE, {**ENTRIES, "status": "claimed"})) == [mixed["urgent"].pk]
    assert rows(reviewer_client.get(QUEUE, {**ENTRIES, "status": "resolved"})) == [mixed["soon"].pk]
    assert rows(reviewer_client.get(QUEUE, {**ENTRIES, "status": "withdrawn"})) == [mixed["routine"].pk]
    # By default the queue shows what is left to do: open and claimed.
    assert rows(reviewer_client.get(QUEUE, ENTRIES)) == [mixed["emergency"].pk, mixed["urgent"].pk]
    assert len(rows(reviewer_client.get(QUEUE, {**ENTRIES, "status": "all"}))) == 4


def test_an_entry_whose_flags_the_engine_withdrew_stays_visible_as_withdrawn(
    reviewer_client, person, flagged_entry
):
    from front.services import entry_update

    entry_update(entry=flagged_entry, data={"symptoms": []})
    assert not Flag.objects.filter(entry=flagged_entry, status="open").exists()
    assert rows(reviewer_client.get(QUEUE, ENTRIES)) == []
    response = reviewer_client.get(QUEUE, {**ENTRIES, "status": "withdrawn"})
    assert rows(response) == [flagged_entry.pk]
    assert "(withdrawn)" in response.content.decode()


def test_the_queue_shows_who_holds_what(reviewer_client, reviewer, mixed):
    other = UserFactory(username="quinn", is_staff=True, is_superuser=True)
    review_claim(review=Review.objects.get(entry=mixed["urgent"]), actor=other, version=1)
    review_claim(review=Review.objects.get(entry=mixed["soon"]), actor=reviewer, version=1)
    html = reviewer_client.get(QUEUE, ENTRIES).content.decode()
    assert "Claimed by <strong>quinn</strong>" in html
    assert "Claimed by <strong>you</strong>" in html


def test_rows_never_show_what_the_person_wrote(reviewer_client, flagged_entry):
    assert "private words of alex" not in reviewer_client.get(QUEUE, ENTRIES).content.decode()


def test_invalid_filters_are_ignored(reviewer_client, mixed):
    assert len(rows(reviewer_client.get(QUEUE, {**ENTRIES, "urgency": "bogus", "date_from": "nope"}))) == 4


def test_an_invalid_filter_keeps_the_valid_ones_and_says_what_is_wrong(reviewer_client, mixed):
    response = reviewer_client.get(QUEUE, {**ENTRIES, "person": "sam", "date_from": "bad"})
    assert rows(response) == [mixed["emergency"].pk, mixed["urgent"].pk]
    html = response.content.decode()
    date_field = html[html.index('name="date_from"') : html.index('name="date_to"')]
    assert "Enter a valid date." in date_field
    assert html.count("Enter a valid date.") == 1


def test_the_pages_keep_the_filters(reviewer_client):
    bulk_flagged(30)
    html = reviewer_client.get(QUEUE, {**ENTRIES, "status": "all", "page": "1"}).content.decode()
    assert 'href="?show=entries&amp;status=all&amp;page=2"' in html


def bulk_flagged(count):
    """``count`` flagged entries spread over a few people, written in bulk: only volume matters."""
    people = [UserFactory(username=f"bulk{n}") for n in range(3)]
    start = datetime.date(2026, 11, 23)
    entries = Entry.objects.bulk_create(
        Entry(user=people[n % 3], date=start - datetime.timedelta(days=n), upper_back=5, season=Season.AUTUMN)
        for n in range(count)
    )
    urgencies = ["emergency", "urgent", "soon", "routine"]
    Flag.objects.bulk_create(
        Flag(entry=entry, rule_id=rule, urgency=urgencies[n % 4], message="m", reason="r", source="article")
        for n, entry in enumerate(entries)
        for rule in ("head_symptoms", "painkiller_use")
    )
    Review.objects.bulk_create(Review(entry=entry) for entry in entries)


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize(
    "query",
    [
        ENTRIES,
        {**ENTRIES, "page": "2"},
        {**ENTRIES, "urgency": "urgent", "rule": "head_symptoms", "status": "all", "person": "bulk1"},
    ],
)
def test_the_queue_runs_a_fixed_number_of_queries(
    reviewer_client, django_assert_max_num_queries, count, query
):
    bulk_flagged(count)
    # session, user, the request's savepoint and its release, permissions (2), waiting times,
    # count, rows, flags, counts per urgency
    with django_assert_max_num_queries(11):
        response = reviewer_client.get(QUEUE, query)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 500])
def test_the_review_page_runs_a_fixed_number_of_queries(
    reviewer_client, reviewer, django_assert_max_num_queries, count
):
    bulk_flagged(count)
    others = [make_reviewer(f"rev{n}") for n in range(3)]
    entries = list(Entry.objects.order_by("-date")[: min(count, 20)])
    entry = entries[0]
    # Claims across the person's other entries, and a history written by several reviewers.
    for n, other in enumerate(entries[1:]):
        review_claim(review=Review.objects.get(entry=other), actor=others[n % 3], version=1)
    review = Review.objects.get(entry=entry)
    for n in range(count // 5):
        review_note_add(review=review, actor=others[n % 3], version=review.version, note=f"Note {n}")
    review_claim(review=review, actor=others[0], version=review.version)
    review_release(review=review, actor=reviewer, version=review.version)
    review_resolve(review=review, actor=reviewer, version=review.version, outcome="needed_care", message="Hi")
    review_reopen(review=review, actor=others[1], version=review.version, note="Again")
    review_claim(review=review, actor=others[2], version=review.version)
    assert ReviewEvent.objects.filter(review=review).count() == count // 5 + 6
    with django_assert_max_num_queries(16):  # 15, and the content type of entries the first time
        response = reviewer_client.get(reverse("review:detail", args=[entry.pk]))
    assert response.status_code == 200
    assert "Claimed by <strong>rev2</strong>" in response.content.decode()


def test_the_queue_names_criteria_in_words_not_codes(reviewer_client, flagged_entry):
    page = reviewer_client.get(QUEUE, ENTRIES).content.decode()
    assert "Head complaints together with back pain" in page
    assert "See a doctor in a few days" in page
    assert '<option value="head_symptoms">Head complaints together with back pain</option>' in page
