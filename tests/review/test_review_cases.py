"""The queue as cases: one row per person with waiting entries (highest urgency, how many wait,
the longest wait, the time left, the rules involved), most urgent first and, within an urgency,
the overdue first; a person's case page lists their entries; and a fixed number of queries for
5 and for 500 people waiting."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from journal.models import Entry
from journal.vocabulary import Season
from review.models import Review
from review.services import review_claim, review_resolve
from tests.factories import UserFactory
from tests.html import table_rows
from triage.models import Flag

QUEUE = reverse("review:queue")
HOUR, DAY = datetime.timedelta(hours=1), datetime.timedelta(days=1)
# Offsets of half an hour keep each label whole while the test runs (labels round down).
HALF_HOUR = datetime.timedelta(minutes=30)


def waited(entry, duration):
    """The entry began to wait ``duration`` ago."""
    Review.objects.filter(entry=entry).update(waiting_since=timezone.now() - duration)


def case_rows(response):
    return table_rows(response.content, "review-cases")


@pytest.fixture
def queue(entry_of):
    """Four people; the labels are those the page shows for these waits."""
    alex, kim, lee, sam = (UserFactory(username=name) for name in ("alex", "kim", "lee", "sam"))
    alex_soon = entry_of(alex, date=datetime.date(2026, 3, 1), upper_back=5, symptoms=["headache"])
    alex_routine = entry_of(alex, date=datetime.date(2026, 3, 2), painkillers=True)
    waited(alex_soon, DAY + HALF_HOUR)  # 1 day 23 h left
    waited(alex_routine, 20 * DAY + HALF_HOUR)  # routine: 14 days, so overdue by 6 days
    kim_late = entry_of(kim, date=datetime.date(2026, 3, 3), upper_back=5, symptoms=["headache"])
    kim_recent = entry_of(kim, date=datetime.date(2026, 3, 4), upper_back=6, symptoms=["headache"])
    waited(kim_late, 4 * DAY + HALF_HOUR)  # soon: 3 days, so overdue by 1 day
    waited(kim_recent, HOUR)
    lee_soon = entry_of(lee, date=datetime.date(2026, 3, 5), upper_back=5, symptoms=["headache"])
    waited(lee_soon, HALF_HOUR)
    sam_emergency = entry_of(sam, date=datetime.date(2026, 3, 6), symptoms=["chest_pain"])
    waited(sam_emergency, 10 * datetime.timedelta(minutes=1) + HALF_HOUR)  # emergency: 1 hour
    return {"alex": alex, "kim": kim, "lee": lee, "sam": sam, "kim_late": kim_late}


def test_the_queue_shows_one_row_per_person_most_urgent_first_then_the_overdue(reviewer_client, queue):
    rows = case_rows(reviewer_client.get(QUEUE))
    assert [row[0] for row in rows] == ["sam", "kim", "alex", "lee"]


def test_each_row_counts_the_entries_and_names_the_highest_urgency(reviewer_client, queue):
    rows = {row[0]: row for row in case_rows(reviewer_client.get(QUEUE))}
    assert rows["sam"][1:3] == ["Emergency: seek care now", "1"]
    assert rows["kim"][1:3] == ["See a doctor in a few days", "2"]
    # alex's routine entry waits too, but the soon one sets the case's urgency.
    assert rows["alex"][1:3] == ["See a doctor in a few days", "2"]


def test_each_row_shows_the_longest_wait(reviewer_client, queue):
    rows = {row[0]: row for row in case_rows(reviewer_client.get(QUEUE))}
    assert rows["alex"][3].startswith("20 days (since ")
    assert rows["kim"][3].startswith("4 days (since ")
    assert rows["lee"][3].startswith("30 min (since ")


def test_each_row_shows_the_time_left_of_its_highest_urgency_and_how_many_are_overdue(reviewer_client, queue):
    rows = {row[0]: row for row in case_rows(reviewer_client.get(QUEUE))}
    assert rows["sam"][4] == "19 min left"
    assert rows["kim"][4] == "Overdue by 1 day 1 of 2 overdue"
    # Its soon entry still has time; its routine one is overdue, and the row says so.
    assert rows["alex"][4] == "1 day 23 h left 1 of 2 overdue"
    assert rows["lee"][4] == "2 days 23 h left"


def test_each_row_names_the_rules_involved_with_how_many_entries_each_flagged(reviewer_client, queue):
    rows = {row[0]: row for row in case_rows(reviewer_client.get(QUEUE))}
    assert rows["kim"][5] == "Soon Head complaints together with back pain (2 entries)"
    assert rows["alex"][5] == (
        "Soon Head complaints together with back pain Routine Taking painkillers for the pain"
    )
    assert rows["sam"][5] == "Emergency Chest pain"


def test_the_counts_at_the_top_say_how_many_are_overdue(reviewer_client, queue):
    html = reviewer_client.get(QUEUE).content.decode()
    assert "Emergency: 1 waiting</a>" in html
    assert "Soon: 4 waiting, 1 overdue</a>" in html
    assert "Routine: 1 waiting, 1 overdue</a>" in html


def test_filters_apply_to_the_cases(reviewer_client, queue):
    rows = case_rows(reviewer_client.get(QUEUE, {"rule": "painkiller_use"}))
    assert [(row[0], row[2]) for row in rows] == [("alex", "1")]
    rows = case_rows(reviewer_client.get(QUEUE, {"urgency": "soon"}))
    assert [row[0] for row in rows] == ["kim", "alex", "lee"]


def test_resolved_entries_leave_the_case(reviewer_client, reviewer, queue):
    review = Review.objects.get(entry=queue["kim_late"])
    review_resolve(review=review, actor=reviewer, version=review.version, outcome="needed_care")
    rows = {row[0]: row for row in case_rows(reviewer_client.get(QUEUE))}
    assert rows["kim"][2] == "1"
    assert rows["kim"][4] == "2 days 22 h left"


def test_the_flat_view_stays_as_a_filter(reviewer_client, queue):
    response = reviewer_client.get(QUEUE, {"show": "entries"})
    rows = table_rows(response.content, "review-queue")
    assert len(rows) == 6
    assert 'href="?show=">By person</a>' in response.content.decode()


def test_a_row_opens_the_persons_case(reviewer_client, queue):
    html = reviewer_client.get(QUEUE).content.decode()
    case = reverse("review:case", args=[queue["kim"].pk])
    assert f'<a href="{case}">kim</a>' in html
    page = reviewer_client.get(case)
    rows = table_rows(page.content, "review-case")
    # The overdue entry first, each with its own time left.
    assert [row[1] for row in rows] == ["Entry of 3 Mar 2026", "Entry of 4 Mar 2026"]
    assert rows[0][5] == "Overdue by 1 day"
    assert rows[1][5] == "2 days 22 h left"


def test_the_case_page_shows_who_holds_an_entry(reviewer_client, reviewer, queue):
    other = UserFactory(username="quinn", is_staff=True, is_superuser=True)
    review_claim(review=Review.objects.get(entry=queue["kim_late"]), actor=other, version=1)
    rows = table_rows(
        reviewer_client.get(reverse("review:case", args=[queue["kim"].pk])).content, "review-case"
    )
    assert rows[0][3] == "Claimed by quinn"


def test_a_person_never_flagged_has_no_case(reviewer_client, queue):
    nobody = UserFactory(username="nobody")
    assert reviewer_client.get(reverse("review:case", args=[nobody.pk])).status_code == 404


def test_a_case_with_nothing_left_to_do_says_so(reviewer_client, reviewer, queue):
    review = Review.objects.get(entry__user=queue["lee"])
    review_resolve(review=review, actor=reviewer, version=1, outcome="not_needed")
    page = reviewer_client.get(reverse("review:case", args=[queue["lee"].pk])).content.decode()
    assert "None of lee's entries waits for review." in page


def people_waiting(count):
    """``count`` people with three flagged entries each (two rules per entry), written in bulk."""
    User = get_user_model()
    people = User.objects.bulk_create(
        User(username=f"many{n}", email=f"many{n}@example.org") for n in range(count)
    )
    start = datetime.date(2026, 11, 23)
    entries = Entry.objects.bulk_create(
        Entry(user=person, date=start - datetime.timedelta(days=day), upper_back=5, season=Season.AUTUMN)
        for person in people
        for day in range(3)
    )
    urgencies = ["emergency", "urgent", "soon", "routine"]
    Flag.objects.bulk_create(
        Flag(entry=entry, rule_id=rule, urgency=urgencies[n % 4], message="m", reason="r", source="article")
        for n, entry in enumerate(entries)
        for rule in ("head_symptoms", "painkiller_use")
    )
    Review.objects.bulk_create(Review(entry=entry) for entry in entries)
    fresh_statistics()
    return people


def fresh_statistics():
    """After a bulk load PostgreSQL plans with no statistics until autovacuum runs; a site never
    sees that, and such plans would only slow the test down."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE triage_flag, review_review, journal_entry")


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize(
    "query", [{}, {"page": "2"}, {"urgency": "urgent", "rule": "head_symptoms", "status": "all"}]
)
def test_the_cases_run_a_fixed_number_of_queries(
    reviewer_client, django_assert_max_num_queries, count, query
):
    people_waiting(count)
    # session, user, the request's savepoint and its release, permissions (2), waiting times,
    # count, rows, rules involved, counts per urgency
    with django_assert_max_num_queries(11):
        response = reviewer_client.get(QUEUE, query)
    assert response.status_code == 200
    assert case_rows(response)


@pytest.mark.parametrize("count", [5, 500])
def test_the_case_page_runs_a_fixed_number_of_queries(reviewer_client, django_assert_max_num_queries, count):
    person = UserFactory(username="long")
    start = datetime.date(2026, 11, 23)
    entries = Entry.objects.bulk_create(
        Entry(user=person, date=start - datetime.timedelta(days=day), upper_back=5, season=Season.AUTUMN)
        for day in range(count)
    )
    Flag.objects.bulk_create(
        Flag(
            entry=entry, rule_id="persistent_pain", urgency="soon", message="m", reason="r", source="article"
        )
        for entry in entries
    )
    Review.objects.bulk_create(Review(entry=entry) for entry in entries)
    fresh_statistics()
    # session, user, the request's savepoint and its release, permissions (2), the person, waiting
    # times, count, rows, flags
    with django_assert_max_num_queries(11):
        response = reviewer_client.get(reverse("review:case", args=[person.pk]))
    assert len(table_rows(response.content, "review-case")) == min(count, 50)
