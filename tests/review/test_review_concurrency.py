"""Two reviewers acting on one entry at once: the second is told it changed meanwhile and nothing
the first did is overwritten. Two sessions on any database; real threads racing on PostgreSQL,
where one holds its transaction open until the other is seen waiting for its lock, between two
reviewers and between a reviewer and the engine reopening a review for a new flag."""

import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.urls import reverse

from front.services import entry_update
from journal.models import Entry
from review.models import Review, ReviewEvent
from review.services import ReviewChanged, review_claim, review_reopen, review_resolve
from tests.factories import make_reviewer
from triage.models import Flag

User = get_user_model()


def url(name, entry):
    return reverse(f"review:{name}", args=[entry.pk])


def test_the_second_claim_is_told_the_entry_changed(two_reviewers, flagged_entry):
    ash, bea = two_reviewers
    # Both opened the page at version 1.
    assert ash.get(url("detail", flagged_entry)).status_code == 200
    assert bea.get(url("detail", flagged_entry)).status_code == 200
    assert ash.post(url("claim", flagged_entry), {"version": "1"}).status_code == 302

    response = bea.post(url("claim", flagged_entry), {"version": "1"})
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
        url("resolve", flagged_entry),
        {"version": "1", "outcome": "needed_care", "message": "We call you."},
    )
    response = bea.post(
        url("resolve", flagged_entry), {"version": "1", "outcome": "not_needed", "message": "All fine."}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "This entry changed meanwhile" in html
    review = Review.objects.get(entry=flagged_entry)
    assert (review.outcome, review.version) == ("needed_care", 2)
    assert list(ReviewEvent.objects.filter(action="messaged").values_list("message", flat=True)) == [
        "We call you."
    ]


def test_a_note_sent_after_a_change_keeps_its_text_for_sending_again(two_reviewers, flagged_entry):
    ash, bea = two_reviewers
    ash.post(url("claim", flagged_entry), {"version": "1"})
    response = bea.post(url("note", flagged_entry), {"version": "1", "note": "My careful note"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "My careful note</textarea>" in html
    assert 'name="version" value="2"' in html
    assert not ReviewEvent.objects.filter(action="note").exists()


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL"
)
WAIT = 30  # seconds; only reached when something is broken


def in_thread(target, results, name):
    """Run ``target`` in a thread that records what came of it under ``name`` (its return value,
    or the exception's class) and closes its own database connection."""

    def run():
        try:
            results[name] = target()
        except Exception as error:  # the test compares its class
            results[name] = type(error).__name__
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def another_connection_waits_for_a_lock():
    """True once another connection to the test database waits for a lock (PostgreSQL)."""
    deadline = time.monotonic() + WAIT
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def finish(threads, release):
    release.set()
    for thread in threads:
        thread.join(timeout=WAIT)
        assert not thread.is_alive()


@postgresql_only
def test_two_threads_racing_to_claim_only_one_wins(transactional_db, person, entry_of):
    entry = entry_of(person, upper_back=6, symptoms=["headache"])
    ash, bea = make_reviewer("ash"), make_reviewer("bea")
    review_id = Review.objects.get(entry=entry).pk
    claimed, release = threading.Event(), threading.Event()
    results = {}

    def first():
        # Claims, and holds its transaction open until the second is seen waiting.
        with transaction.atomic():
            review_claim(review=Review.objects.get(pk=review_id), actor=ash, version=1)
            claimed.set()
            release.wait(WAIT)
        return "won"

    def second():
        assert claimed.wait(WAIT)
        review = Review.objects.get(pk=review_id)  # still version 1: the first has not committed
        review_claim(review=review, actor=bea, version=1)  # waits for the first's row lock
        return "won"

    threads = [in_thread(first, results, "ash"), in_thread(second, results, "bea")]
    try:
        assert another_connection_waits_for_a_lock()
    finally:
        finish(threads, release)

    assert results == {"ash": "won", "bea": ReviewChanged.__name__}
    review = Review.objects.get(pk=review_id)
    assert (review.claimed_by.username, review.version) == ("ash", 2)
    assert list(ReviewEvent.objects.values_list("actor__username", flat=True)) == ["ash"]


@pytest.fixture
def resolved_entry(transactional_db, person, entry_of):
    """A flagged entry whose review rowan resolved (version 2)."""
    entry = entry_of(person, upper_back=6, symptoms=["headache"])
    review_resolve(
        review=Review.objects.get(entry=entry), actor=make_reviewer(), version=1, outcome="not_needed"
    )
    return entry


def new_flag_saved(entry):
    """The person adds chest pain to the entry: a new flag, so the engine reopens its review."""
    entry_update(entry=Entry.objects.get(pk=entry.pk), data={"symptoms": ["headache", "chest_pain"]})
    return "saved"


@postgresql_only
def test_a_new_flag_while_a_reviewer_reopens_and_claims_keeps_the_claim(resolved_entry):
    # The reviewer reopens and claims; before they commit, the person saves a new flag. Read
    # without a lock, the engine saw "resolved", then set "open" over the claim: a check violation
    # that failed the person's save.
    rowan = User.objects.get(username="rowan")
    review_id = Review.objects.get(entry=resolved_entry).pk
    acted, release = threading.Event(), threading.Event()
    results = {}

    def reviewer():
        with transaction.atomic():
            review_reopen(review=Review.objects.get(pk=review_id), actor=rowan, version=2)
            review_claim(review=Review.objects.get(pk=review_id), actor=rowan, version=3)
            acted.set()
            release.wait(WAIT)
        return "claimed"

    def person():
        assert acted.wait(WAIT)
        return new_flag_saved(resolved_entry)

    threads = [in_thread(reviewer, results, "reviewer"), in_thread(person, results, "person")]
    try:
        assert another_connection_waits_for_a_lock()
    finally:
        finish(threads, release)

    assert results == {"reviewer": "claimed", "person": "saved"}
    assert Flag.objects.filter(entry=resolved_entry, rule_id="chest_pain", status="open").exists()
    review = Review.objects.get(pk=review_id)
    # Still the reviewer's claim, one version on so their open page learns of the new flag.
    assert (review.status, review.claimed_by, review.version) == ("claimed", rowan, 5)
    steps = list(ReviewEvent.objects.filter(review=review).values_list("actor__username", "action"))
    assert steps == [("rowan", "resolved"), ("rowan", "reopened"), ("rowan", "claimed")]


@postgresql_only
def test_a_reviewer_reopening_while_a_new_flag_reopens_is_told_it_changed(resolved_entry):
    rowan = User.objects.get(username="rowan")
    review_id = Review.objects.get(entry=resolved_entry).pk
    saved, release = threading.Event(), threading.Event()
    results = {}

    def person():
        with transaction.atomic():
            new_flag_saved(resolved_entry)
            saved.set()
            release.wait(WAIT)
        return "saved"

    def reviewer():
        review = Review.objects.get(pk=review_id)  # read before: resolved, version 2
        assert saved.wait(WAIT)
        review_reopen(review=review, actor=rowan, version=2)  # waits for the engine's lock
        return "reopened"

    threads = [in_thread(person, results, "person"), in_thread(reviewer, results, "reviewer")]
    try:
        assert another_connection_waits_for_a_lock()
    finally:
        finish(threads, release)

    assert results == {"person": "saved", "reviewer": ReviewChanged.__name__}
    review = Review.objects.get(pk=review_id)
    assert (review.status, review.claimed_by, review.version) == ("open", None, 3)
    steps = list(ReviewEvent.objects.filter(review=review).values_list("actor__username", "action"))
    assert steps == [("rowan", "resolved"), (None, "reopened")]
