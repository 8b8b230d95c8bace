"""Resolving several entries of one person at once: one outcome and one message, each entry keeping
its own review record, and the compare-and-set against a second reviewer holding for every entry
(one wins per entry, the other is told which ones): with two sessions on any database, and with
two threads racing on PostgreSQL."""

import datetime
import re
import threading

import pytest
from django.db import transaction
from django.urls import reverse

from review.models import Review, ReviewEvent
from review.selectors import entry_review_for_person
from review.services import ResolvedMany, review_claim, reviews_resolve
from tests.factories import make_reviewer
from tests.html import table_rows
from tests.review.test_review_concurrency import (
    WAIT,
    another_connection_waits_for_a_lock,
    finish,
    in_thread,
    postgresql_only,
)


@pytest.fixture
def days(person, entry_of):
    """Four flagged entries of alex, on 1 to 4 March."""
    return [
        entry_of(person, date=datetime.date(2026, 3, day), upper_back=5, symptoms=["headache"])
        for day in (1, 2, 3, 4)
    ]


def resolve_url(person):
    return reverse("review:case-resolve", args=[person.pk])


def chosen(*entries, version=1):
    return [f"{entry.pk}:{version}" for entry in entries]


def review_of(entry):
    return Review.objects.get(entry=entry)


def steps(entry):
    return list(ReviewEvent.objects.filter(review__entry=entry).values_list("actor__username", "action"))


def test_the_chosen_entries_are_resolved_each_with_its_own_record(reviewer_client, person, days):
    response = reviewer_client.post(
        resolve_url(person),
        {"entries": chosen(days[0], days[2]), "outcome": "needed_care", "message": "Please see your GP."},
        follow=True,
    )
    assert "Resolved 2 entries." in response.content.decode()
    for entry in (days[0], days[2]):
        review = review_of(entry)
        assert (review.status, review.outcome, review.version) == ("resolved", "needed_care", 2)
        assert steps(entry) == [("rowan", "resolved"), ("rowan", "messaged")]
        # The person reads the message on each entry's own page.
        assert [m.message for m in entry_review_for_person(entry=entry).messages] == ["Please see your GP."]
    assert review_of(days[1]).status == "open" and steps(days[1]) == []
    # What is left of the case stays on the page.
    rows = table_rows(response.content, "review-case")
    assert [row[1] for row in rows] == ["Entry of 2 Mar 2026", "Entry of 4 Mar 2026"]


def test_without_a_message_nothing_is_sent_to_the_person(reviewer_client, person, days):
    reviewer_client.post(
        resolve_url(person), {"entries": chosen(*days), "outcome": "not_needed", "message": " "}
    )
    assert not ReviewEvent.objects.filter(action="messaged").exists()
    assert ReviewEvent.objects.filter(action="resolved", outcome="not_needed").count() == 4


def test_a_claim_the_reviewer_holds_is_resolved_with_the_rest(reviewer_client, reviewer, person, days):
    review_claim(review=review_of(days[0]), actor=reviewer, version=1)
    reviewer_client.post(
        resolve_url(person), {"entries": [f"{days[0].pk}:2", *chosen(days[1])], "outcome": "under_care"}
    )
    assert review_of(days[0]).claimed_by is None
    assert {review_of(day).status for day in days[:2]} == {"resolved"}


def test_choosing_nothing_is_refused_and_keeps_the_message(reviewer_client, person, days):
    response = reviewer_client.post(
        resolve_url(person), {"outcome": "needed_care", "message": "Typed with care"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose at least one entry." in html
    assert "Typed with care</textarea>" in html
    assert not ReviewEvent.objects.exists()


def test_no_outcome_is_refused_and_keeps_the_entries_ticked(reviewer_client, person, days):
    response = reviewer_client.post(resolve_url(person), {"entries": chosen(days[1]), "message": "Hello"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert f'value="{days[1].pk}:1" id="choose-{days[1].pk}" checked' in html
    assert f'value="{days[0].pk}:1" id="choose-{days[0].pk}">' in html
    assert not ReviewEvent.objects.exists()


def test_an_earlier_outcome_is_not_offered_any_more(reviewer_client, person, days):
    response = reviewer_client.post(resolve_url(person), {"entries": chosen(days[0]), "outcome": "contacted"})
    assert response.status_code == 400
    assert review_of(days[0]).status == "open"


@pytest.mark.parametrize("token", ["abc", "1", "1:x", ":1", "1:2:3", "١:١"])
def test_a_chosen_entry_that_cannot_be_read_is_refused(reviewer_client, person, days, token):
    response = reviewer_client.post(resolve_url(person), {"entries": [token], "outcome": "needed_care"})
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_an_entry_another_reviewer_holds_is_left_and_named(reviewer_client, person, days):
    quinn = make_reviewer("quinn")
    review_claim(review=review_of(days[1]), actor=quinn, version=1)
    page = reviewer_client.get(reverse("review:case", args=[person.pk])).content.decode()
    assert f'id="choose-{days[1].pk}" disabled' in page  # nothing to tick
    # A form made by hand, or a page read just before the claim at the same version, is refused.
    response = reviewer_client.post(
        resolve_url(person), {"entries": [*chosen(days[0]), f"{days[1].pk}:2"], "outcome": "needed_care"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Resolved 1 entry." in html
    assert "another reviewer holds it or it was resolved already: " in html
    assert "entry of 2 Mar 2026</a>" in html
    assert review_of(days[1]).claimed_by == quinn


def test_entries_of_someone_else_are_never_touched(reviewer_client, person, other_person, days, entry_of):
    sams = entry_of(other_person, upper_back=5, symptoms=["headache"])
    response = reviewer_client.post(
        resolve_url(person), {"entries": chosen(days[0], sams), "outcome": "needed_care"}
    )
    assert response.status_code == 409
    assert "1 of the chosen entries is not among alex's flagged entries." in response.content.decode()
    assert review_of(sams).status == "open"
    assert review_of(days[0]).status == "resolved"


def test_the_second_reviewer_is_told_which_entries_the_first_resolved(two_reviewers, person, days):
    ash, bea = two_reviewers
    # Both read the case at version 1; ash resolves the first three, then bea the second and third
    # and the fourth.
    ash.post(
        resolve_url(person), {"entries": chosen(*days[:3]), "outcome": "needed_care", "message": "From ash"}
    )
    response = bea.post(
        resolve_url(person), {"entries": chosen(*days[1:]), "outcome": "not_needed", "message": "From bea"}
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Resolved 1 entry." in html
    assert "another reviewer acted on them after you opened this page" in html
    assert "entry of 2 Mar 2026</a>, <a" in html and "entry of 3 Mar 2026</a>." in html
    for entry in days[:3]:
        assert review_of(entry).outcome == "needed_care"
        assert steps(entry) == [("ash", "resolved"), ("ash", "messaged")]
    assert review_of(days[3]).outcome == "not_needed"
    assert steps(days[3]) == [("bea", "resolved"), ("bea", "messaged")]


def test_what_the_second_reviewer_typed_is_kept_for_the_entries_left(two_reviewers, person, days):
    ash, bea = two_reviewers
    ash.post(resolve_url(person), {"entries": chosen(days[0]), "outcome": "needed_care"})
    response = bea.post(
        resolve_url(person), {"entries": chosen(days[0]), "outcome": "not_needed", "message": "From bea"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Nothing was resolved." in html
    assert "From bea</textarea>" in html
    assert re.search(r'<input type="radio"[^>]*value="not_needed"[^>]*checked>', html)
    assert [row[1] for row in table_rows(html, "review-case")] == [
        "Entry of 2 Mar 2026",
        "Entry of 3 Mar 2026",
        "Entry of 4 Mar 2026",
    ]


def test_a_refused_form_from_an_older_page_says_the_entries_changed(two_reviewers, person, days):
    ash, bea = two_reviewers
    ash.post(resolve_url(person), {"entries": chosen(days[0]), "outcome": "needed_care"})
    response = bea.post(resolve_url(person), {"entries": chosen(days[0], days[1])})  # no outcome either
    assert response.status_code == 409
    html = response.content.decode()
    assert "Another reviewer acted on <a" in html and "the entry of 1 Mar 2026</a>" in html
    assert f'id="choose-{days[1].pk}" checked' in html
    assert review_of(days[1]).status == "open"


def test_reviews_resolve_reports_each_entry(reviewer, person, days):
    review_claim(review=review_of(days[3]), actor=make_reviewer("quinn"), version=1)
    result = reviews_resolve(
        person_id=person.pk,
        chosen={days[2].pk: 1, days[0].pk: 7, days[3].pk: 2, 10**9: 1},
        actor=reviewer,
        outcome="not_reached",
    )
    assert isinstance(result, ResolvedMany)
    assert [ref.entry_id for ref in result.resolved] == [days[2].pk]
    assert [(ref.entry_id, ref.date) for ref in result.changed] == [(days[0].pk, datetime.date(2026, 3, 1))]
    assert [ref.entry_id for ref in result.held] == [days[3].pk]
    assert result.missing == 1


@postgresql_only
def test_two_threads_resolving_overlapping_entries_win_one_entry_each_and_never_deadlock(
    transactional_db, person, entry_of
):
    days = [
        entry_of(person, date=datetime.date(2026, 3, day), upper_back=5, symptoms=["headache"])
        for day in (1, 2, 3, 4)
    ]
    ash, bea = make_reviewer("ash"), make_reviewer("bea")
    resolved, release = threading.Event(), threading.Event()
    results = {}

    def first():
        # Resolves the first three and holds its transaction open until the second is seen waiting.
        with transaction.atomic():
            result = reviews_resolve(
                person_id=person.pk, chosen={day.pk: 1 for day in days[:3]}, actor=ash, outcome="needed_care"
            )
            resolved.set()
            release.wait(WAIT)
        return result

    def second():
        assert resolved.wait(WAIT)
        # Read at version 1 too, and chosen in the other order: the locks are taken in key order.
        return reviews_resolve(
            person_id=person.pk,
            chosen={day.pk: 1 for day in reversed(days[1:])},
            actor=bea,
            outcome="not_needed",
        )

    threads = [in_thread(first, results, "ash"), in_thread(second, results, "bea")]
    try:
        assert another_connection_waits_for_a_lock()
    finally:
        finish(threads, release)

    assert [ref.entry_id for ref in results["ash"].resolved] == [day.pk for day in days[:3]]
    assert [ref.entry_id for ref in results["bea"].resolved] == [days[3].pk]
    assert sorted(ref.entry_id for ref in results["bea"].changed) == [day.pk for day in days[1:3]]
    outcomes = [Review.objects.get(entry=day).outcome for day in days]
    assert outcomes == ["needed_care", "needed_care", "needed_care", "not_needed"]
    assert ReviewEvent.objects.filter(actor=bea).count() == 1
