"""The person sees on their entry whether it was reviewed and any message to them, never the
reviewers' internal notes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from front.services import entry_update
from review.models import Review
from review.selectors import LOOKING, NOTHING_LEFT, WAITING, ReviewForPerson, entry_review_for_person
from review.services import review_claim, review_note_add, review_resolve


def test_the_person_sees_that_their_entry_waits_for_review(person_client, flagged_entry):
    page = person_client.get(flagged_entry.get_absolute_url()).content.decode()
    assert "waiting for a reviewer" in page


def test_the_person_sees_the_outcome_and_the_message_but_not_the_notes(
    person_client, reviewer, flagged_entry
):
    review = Review.objects.get(entry=flagged_entry)
    review_note_add(review=review, actor=reviewer, version=1, note="Internal: sounds like tension.")
    review_resolve(
        review=review,
        actor=reviewer,
        version=2,
        outcome="needed_care",
        message="Please see your GP this week.",
    )
    page = person_client.get(flagged_entry.get_absolute_url()).content.decode()
    assert "A reviewer looked at this entry" in page and "recommends that you see a doctor" in page
    assert "Please see your GP this week." in page
    assert "sounds like tension" not in page


def test_an_entry_without_flags_shows_no_review(person_client, person, entry_of):
    calm = entry_of(person, upper_back=1)
    assert "Review by our team" not in person_client.get(calm.get_absolute_url()).content.decode()


def test_another_persons_review_is_not_reachable(client, other_person, flagged_entry):
    client.force_login(other_person)
    assert client.get(reverse("journal:entry-detail", args=[flagged_entry.pk])).status_code == 404


def test_an_entry_whose_flags_were_all_withdrawn_no_longer_waits(person_client, flagged_entry):
    entry_update(entry=flagged_entry, data={"symptoms": []})
    page = person_client.get(flagged_entry.get_absolute_url()).content.decode()
    assert "waiting for a reviewer" not in page
    assert NOTHING_LEFT in page


def test_a_claimed_entry_whose_flags_were_withdrawn_no_longer_waits_either(reviewer, flagged_entry):
    review_claim(review=Review.objects.get(entry=flagged_entry), actor=reviewer, version=1)
    entry_update(entry=flagged_entry, data={"symptoms": []})
    assert entry_review_for_person(entry=flagged_entry).summary == NOTHING_LEFT


def test_a_resolved_review_keeps_its_outcome_once_the_flags_are_withdrawn(reviewer, flagged_entry):
    review = Review.objects.get(entry=flagged_entry)
    review_resolve(review=review, actor=reviewer, version=1, outcome="needed_care")
    entry_update(entry=flagged_entry, data={"symptoms": []})
    assert "recommends that you see a doctor" in entry_review_for_person(entry=flagged_entry).summary


RESOLVED_AT = datetime.datetime(2026, 3, 20, 23, 30, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "status, outcome, has_open_flags, sentence",
    [
        ("open", "", True, WAITING),
        ("claimed", "", True, LOOKING),
        ("open", "", False, NOTHING_LEFT),
        ("claimed", "", False, NOTHING_LEFT),
        (
            "resolved",
            "contacted",
            True,
            "A reviewer looked at this entry on 20 March 2026 and is getting in touch with you.",
        ),
        (
            "resolved",
            "needed_care",
            False,
            "A reviewer looked at this entry on 20 March 2026 and recommends that you see a doctor.",
        ),
        (
            "resolved",
            "not_needed",
            True,
            "A reviewer looked at this entry on 20 March 2026 and found nothing more for us to do.",
        ),
        (
            "resolved",
            "under_care",
            True,
            "A reviewer looked at this entry on 20 March 2026 and noted that a doctor is already "
            "looking after you for it. Keep following their advice.",
        ),
        (
            "resolved",
            "not_reached",
            True,
            "A reviewer looked at this entry on 20 March 2026 and could not reach you. If the advice "
            "on it still applies, please see a doctor.",
        ),
    ],
)
def test_the_sentence_for_each_state(status, outcome, has_open_flags, sentence):
    review = ReviewForPerson(
        status=status,
        outcome=outcome,
        resolved_at=RESOLVED_AT if status == "resolved" else None,
        has_open_flags=has_open_flags,
        messages=[],
    )
    with timezone.override("UTC"):
        assert review.summary == sentence


def test_the_day_is_the_persons_day():
    review = ReviewForPerson(
        status="resolved", outcome="not_needed", resolved_at=RESOLVED_AT, has_open_flags=True, messages=[]
    )
    with timezone.override("Europe/Berlin"):  # 00:30 on the 21st there
        assert "on 21 March 2026" in review.summary


def test_the_dashboard_shows_a_reviewers_message_with_a_link_to_the_entry(
    person_client, reviewer, flagged_entry, other_person, entry_of
):
    review = Review.objects.get(entry=flagged_entry)
    review_note_add(review=review, actor=reviewer, version=1, note="Internal: sounds like tension.")
    review_resolve(
        review=review,
        actor=reviewer,
        version=2,
        outcome="needed_care",
        message="Please see your GP this week.",
    )
    strangers = Review.objects.get(entry=entry_of(other_person, upper_back=5, symptoms=["headache"]))
    review_resolve(
        review=strangers, actor=reviewer, version=1, outcome="needed_care", message="For sam only."
    )

    page = person_client.get(reverse("journal:dashboard")).content.decode()
    assert "Messages from our reviewers" in page
    assert "Please see your GP this week." in page
    assert flagged_entry.get_absolute_url() in page
    assert "sounds like tension" not in page and "For sam only." not in page


def test_without_messages_the_dashboard_has_no_message_panel(person_client, flagged_entry):
    assert (
        "Messages from our reviewers" not in person_client.get(reverse("journal:dashboard")).content.decode()
    )
