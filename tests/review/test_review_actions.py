"""Claim, release, internal notes, resolve with an outcome and an optional message, reopen: each
recorded with who and when, each only from the states it starts from."""

import html

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from front.services import entry_update
from review.models import Review, ReviewEvent
from review.services import REOPENED_BY_NEW_FLAG, review_claim, review_resolve, reviews_flagged
from tests.factories import UserFactory, make_reviewer
from triage.engine import entries_retriage


def url(name, entry):
    return reverse(f"review:{name}", args=[entry.pk])


def review_of(entry):
    return Review.objects.get(entry=entry)


def history(entry):
    return list(ReviewEvent.objects.filter(review__entry=entry).values_list("actor__username", "action"))


def test_a_flagged_entry_gets_an_open_review(flagged_entry):
    review = review_of(flagged_entry)
    assert (review.status, review.claimed_by, review.version) == ("open", None, 1)


def test_it_claims(reviewer_client, reviewer, flagged_entry):
    response = reviewer_client.post(url("claim", flagged_entry), {"version": "1"})
    assert response.status_code == 302 and response["Location"] == url("detail", flagged_entry)
    review = review_of(flagged_entry)
    assert (review.status, review.claimed_by, review.version) == ("claimed", reviewer, 2)
    assert review.claimed_at is not None
    assert history(flagged_entry) == [("rowan", "claimed")]


def test_it_releases(reviewer_client, flagged_entry):
    reviewer_client.post(url("claim", flagged_entry), {"version": "1"})
    reviewer_client.post(url("release", flagged_entry), {"version": "2"})
    review = review_of(flagged_entry)
    assert (review.status, review.claimed_by, review.claimed_at) == ("open", None, None)
    assert history(flagged_entry) == [("rowan", "claimed"), ("rowan", "released")]


def test_it_adds_an_internal_note(reviewer_client, flagged_entry):
    reviewer_client.post(url("note", flagged_entry), {"version": "1", "note": "Called, no answer."})
    event = ReviewEvent.objects.get(review__entry=flagged_entry)
    assert (event.action, event.note, event.message) == ("note", "Called, no answer.", "")
    page = reviewer_client.get(url("detail", flagged_entry)).content.decode()
    assert "Called, no answer." in page


def test_an_empty_note_is_refused(reviewer_client, flagged_entry):
    response = reviewer_client.post(url("note", flagged_entry), {"version": "1", "note": " "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not ReviewEvent.objects.exists()


def test_it_resolves_with_an_outcome_and_a_message(reviewer_client, flagged_entry):
    reviewer_client.post(url("claim", flagged_entry), {"version": "1"})
    response = reviewer_client.post(
        url("resolve", flagged_entry),
        {"version": "2", "outcome": "needed_care", "message": "Please see your GP this week."},
    )
    assert response.status_code == 302
    review = review_of(flagged_entry)
    assert (review.status, review.outcome, review.claimed_by) == ("resolved", "needed_care", None)
    assert review.resolved_at is not None
    assert history(flagged_entry) == [("rowan", "claimed"), ("rowan", "resolved"), ("rowan", "messaged")]
    message = ReviewEvent.objects.get(action="messaged")
    assert (message.message, message.note) == ("Please see your GP this week.", "")


def test_it_resolves_without_a_message(reviewer_client, flagged_entry):
    reviewer_client.post(url("resolve", flagged_entry), {"version": "1", "outcome": "not_needed"})
    assert review_of(flagged_entry).status == "resolved"
    assert history(flagged_entry) == [("rowan", "resolved")]


def test_resolving_needs_a_known_outcome(reviewer_client, flagged_entry):
    response = reviewer_client.post(url("resolve", flagged_entry), {"version": "1", "outcome": "shrug"})
    assert response.status_code == 400
    assert review_of(flagged_entry).status == "open"


def test_it_does_not_resolve_over_another_reviewers_claim(reviewer_client, flagged_entry):
    other = Client()
    other.force_login(make_reviewer("sky"))
    other.post(url("claim", flagged_entry), {"version": "1"})
    response = reviewer_client.post(url("resolve", flagged_entry), {"version": "2", "outcome": "not_needed"})
    assert response.status_code == 409
    assert "Another reviewer holds this entry" in response.content.decode()
    assert review_of(flagged_entry).status == "claimed"


def test_it_reopens(reviewer_client, flagged_entry):
    reviewer_client.post(url("resolve", flagged_entry), {"version": "1", "outcome": "needed_care"})
    reviewer_client.post(url("reopen", flagged_entry), {"version": "2", "note": "Person wrote again."})
    review = review_of(flagged_entry)
    assert (review.status, review.outcome, review.resolved_at, review.version) == ("open", "", None, 3)
    assert ReviewEvent.objects.get(action="reopened").note == "Person wrote again."


def test_only_a_resolved_entry_reopens(reviewer_client, flagged_entry):
    response = reviewer_client.post(url("reopen", flagged_entry), {"version": "1"})
    assert response.status_code == 409
    assert "Only a resolved entry can be reopened." in response.content.decode()
    assert review_of(flagged_entry).version == 1


def test_the_history_names_who_did_what_and_when(reviewer_client, flagged_entry):
    reviewer_client.post(url("claim", flagged_entry), {"version": "1"})
    reviewer_client.post(url("note", flagged_entry), {"version": "2", "note": "Looks fine."})
    page = reviewer_client.get(url("detail", flagged_entry)).content.decode()
    assert "claimed the entry." in page and "added a note:" in page
    assert page.count("<strong>rowan</strong>") >= 2


def test_a_new_flag_reopens_a_resolved_review(reviewer_client, flagged_entry):
    reviewer_client.post(url("resolve", flagged_entry), {"version": "1", "outcome": "not_needed"})
    entry_update(entry=flagged_entry, data={"symptoms": ["headache", "chest_pain"]})
    review = review_of(flagged_entry)
    assert (review.status, review.outcome) == ("open", "")
    event = ReviewEvent.objects.get(action="reopened")
    assert (event.actor, event.note) == (None, REOPENED_BY_NEW_FLAG)


def test_the_review_page_shows_the_entry_its_flags_and_the_last_30_days(reviewer_client, flagged_entry):
    page = reviewer_client.get(url("detail", flagged_entry)).content.decode()
    assert "Head complaints together with back pain" in page
    assert "private words of alex" in page  # reviewers read the whole entry
    assert "30 days up to this entry" in page and page.count("<rect ") == 30


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "claimed"},  # claimed without a holder
        {"status": "resolved"},  # resolved without an outcome
        {"outcome": "not_needed"},  # an outcome on an open review
        {"status": "pending"},
    ],
)
def test_the_database_refuses_inconsistent_reviews(flagged_entry, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.filter(entry=flagged_entry).update(**fields)


def test_the_database_refuses_a_message_on_an_internal_note(flagged_entry):
    holder = UserFactory(username="x", is_staff=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewEvent.objects.create(
            review=review_of(flagged_entry), actor=holder, action="note", note="n", message="m"
        )


def test_a_more_urgent_flag_reopens_a_resolved_review(reviewer_client, flagged_entry, set_rule):
    reviewer_client.post(url("resolve", flagged_entry), {"version": "1", "outcome": "not_needed"})
    set_rule("head_symptoms", urgency="urgent")  # an admin raises the rule's urgency
    entries_retriage(entry_ids=[flagged_entry.pk])
    review = review_of(flagged_entry)
    assert (review.status, review.outcome, review.version) == ("open", "", 3)
    event = ReviewEvent.objects.get(action="reopened")
    assert (event.actor, event.note) == (None, REOPENED_BY_NEW_FLAG)
    queue = reviewer_client.get(reverse("review:queue"), {"show": "entries"}).content.decode()
    assert url("detail", flagged_entry) in queue


def test_a_new_flag_keeps_a_claim_but_stops_the_holders_older_page(reviewer_client, reviewer, flagged_entry):
    reviewer_client.post(url("claim", flagged_entry), {"version": "1"})
    entry_update(entry=flagged_entry, data={"symptoms": ["headache", "chest_pain"]})
    review = review_of(flagged_entry)
    assert (review.status, review.claimed_by, review.version) == ("claimed", reviewer, 3)
    assert not ReviewEvent.objects.filter(action="reopened").exists()
    # Resolving from the page read before the new flag is refused: the reviewer sees it first.
    response = reviewer_client.post(url("resolve", flagged_entry), {"version": "2", "outcome": "not_needed"})
    assert response.status_code == 409
    assert "This entry changed meanwhile" in response.content.decode()
    assert review_of(flagged_entry).status == "claimed"


def test_the_engine_reopens_only_reviews_still_resolved(reviewer, flagged_entry, person, entry_of):
    other = entry_of(person, upper_back=5, symptoms=["headache"])
    review_resolve(review=review_of(flagged_entry), actor=reviewer, version=1, outcome="not_needed")
    review_claim(review=review_of(other), actor=reviewer, version=1)
    reviews_flagged(entry_ids=[flagged_entry.pk, other.pk])
    resolved_before, claimed_before = review_of(flagged_entry), review_of(other)
    assert (resolved_before.status, resolved_before.version) == ("open", 3)
    # The claim stays a claim (never "open" with a holder); its version moves all the same.
    assert (claimed_before.status, claimed_before.claimed_by, claimed_before.version) == (
        "claimed",
        reviewer,
        3,
    )
    assert list(ReviewEvent.objects.filter(action="reopened").values_list("review__entry", "actor")) == [
        (flagged_entry.pk, None)
    ]


def test_reviews_flagged_creates_a_missing_review_at_version_1(person, entry_of):
    calm = entry_of(person, upper_back=1)
    reviews_flagged(entry_ids=[calm.pk])
    assert (review_of(calm).status, review_of(calm).version) == ("open", 1)


def test_a_stale_form_that_fails_validation_says_the_entry_changed(reviewer_client, flagged_entry):
    other = Client()
    other.force_login(make_reviewer("sky"))
    other.post(url("claim", flagged_entry), {"version": "1"})
    # An empty note from the page read at version 1.
    response = reviewer_client.post(url("note", flagged_entry), {"version": "1", "note": " "})
    assert response.status_code == 409
    html = response.content.decode()
    assert "This entry changed meanwhile" in html
    assert "This field is required." in html
    assert 'name="version" value="2"' in html
    assert "Claimed by <strong>sky</strong>" in html
    assert not ReviewEvent.objects.filter(action="note").exists()


def test_a_current_form_that_fails_validation_says_only_what_is_wrong(reviewer_client, flagged_entry):
    response = reviewer_client.post(url("resolve", flagged_entry), {"version": "1"})
    assert response.status_code == 400
    assert "changed meanwhile" not in response.content.decode()


@pytest.mark.parametrize("version", ["abc", "-1", ""])
def test_an_altered_version_says_what_happened_and_saves_nothing(reviewer_client, flagged_entry, version):
    response = reviewer_client.post(url("claim", flagged_entry), {"version": version})
    assert response.status_code == 400
    assert "could not be read as this page's form" in html.unescape(response.content.decode())
    assert Review.objects.get(entry=flagged_entry).status == "open"


def test_json_sent_to_an_action_says_what_happened_and_saves_nothing(reviewer_client, flagged_entry):
    response = reviewer_client.post(
        url("claim", flagged_entry), '{"version": 1}', content_type="application/json"
    )
    assert response.status_code == 400
    assert "could not be read as this page's form" in html.unescape(response.content.decode())
    assert Review.objects.get(entry=flagged_entry).status == "open"
