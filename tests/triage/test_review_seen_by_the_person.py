"""The person sees on their entry whether it was reviewed and any message to them, never the
reviewers' internal notes."""

from django.urls import reverse

from triage.models import Review
from triage.services import review_note_add, review_resolve


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
        outcome="advised_care",
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
