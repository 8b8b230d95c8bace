"""Two reviewers acting on one entry at once: the second is told it changed meanwhile and nothing
the first did is overwritten. Two sessions on any database; real threads racing on PostgreSQL."""

import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from tests.triage.conftest import make_reviewer
from triage.models import Review, ReviewEvent
from triage.services import ReviewChanged, review_claim


def url(name, entry):
    return reverse(f"triage:{name}", args=[entry.pk])


@pytest.fixture
def two_reviewers(db):
    first, second = Client(), Client()
    first.force_login(make_reviewer("ash"))
    second.force_login(make_reviewer("bea"))
    return first, second


def test_the_second_claim_is_told_the_entry_changed(two_reviewers, flagged_entry):
    ash, bea = two_reviewers
    # Both opened the page at version 1.
    assert ash.get(url("review-detail", flagged_entry)).status_code == 200
    assert bea.get(url("review-detail", flagged_entry)).status_code == 200
    assert ash.post(url("review-claim", flagged_entry), {"version": "1"}).status_code == 302

    response = bea.post(url("review-claim", flagged_entry), {"version": "1"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "This entry changed meanwhile" in html
    assert "Claimed by <strong>ash</strong>" in html  # the current state, shown again
    review = Review.objects.get(entry=flagged_entry)
    assert (review.claimed_by.username, review.version) == ("ash", 2)
    assert list(ReviewEvent.objects.values_list("actor__username", flat=True)) == ["ash"]


def test_a_late_resolve_does_not_overwrite_the_first_outcome(two_reviewers, flagged_entry):
    ash, bea = two_reviewers
    ash.post(
        url("review-resolve", flagged_entry),
        {"version": "1", "outcome": "contacted", "message": "We call you."},
    )
    response = bea.post(
        url("review-resolve", flagged_entry), {"version": "1", "outcome": "no_action", "message": "All fine."}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "This entry changed meanwhile" in html
    review = Review.objects.get(entry=flagged_entry)
    assert (review.outcome, review.version) == ("contacted", 2)
    assert list(ReviewEvent.objects.filter(action="messaged").values_list("message", flat=True)) == [
        "We call you."
    ]


def test_a_note_sent_after_a_change_keeps_its_text_for_sending_again(two_reviewers, flagged_entry):
    ash, bea = two_reviewers
    ash.post(url("review-claim", flagged_entry), {"version": "1"})
    response = bea.post(url("review-note", flagged_entry), {"version": "1", "note": "My careful note"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "My careful note</textarea>" in html
    assert 'name="version" value="2"' in html
    assert not ReviewEvent.objects.filter(action="note").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL"
)
def test_two_threads_racing_to_claim_only_one_wins(transactional_db, person, entry_of):
    entry = entry_of(person, upper_back=6, symptoms=["headache"])
    reviewers = [make_reviewer("ash"), make_reviewer("bea")]
    review_id = Review.objects.get(entry=entry).pk
    start = threading.Barrier(2)
    outcomes = {}

    def claim(actor):
        try:
            review = Review.objects.get(pk=review_id)  # both read version 1
            start.wait()
            review_claim(review=review, actor=actor, version=1)
            outcomes[actor.username] = "won"
        except ReviewChanged:
            outcomes[actor.username] = "changed"
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=claim, args=(actor,)) for actor in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["changed", "won"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "won")
    review = Review.objects.get(pk=review_id)
    assert (review.claimed_by.username, review.version) == (winner, 2)
    assert list(ReviewEvent.objects.values_list("actor__username", flat=True)) == [winner]
