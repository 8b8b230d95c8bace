"""The outcomes reviewers recorded before they said whether the advice was warranted carry over, in
the reviews and in every step of their history, and each review learns when its entry began to
wait; migrating back gives the earlier outcomes again."""

import datetime

import pytest

from review.services import waiting_times_ensure
from tests.test_layout_migration import latest, migrate

BEFORE = [("review", "0002_tables_and_permission_move_to_review")]
CREATED = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
REOPENED = datetime.datetime(2026, 3, 5, 18, 30, tzinfo=datetime.UTC)


def fill(apps):
    """Three resolved reviews, one per earlier outcome, and an open one reopened by a reviewer."""
    person = apps.get_model("accounts", "User").objects.create(username="kim", time_zone="UTC")
    rowan = apps.get_model("accounts", "User").objects.create(username="rowan", is_staff=True)
    Entry = apps.get_model("journal", "Entry")
    Review = apps.get_model("review", "Review")
    ReviewEvent = apps.get_model("review", "ReviewEvent")
    reviews = {}
    for day, outcome in enumerate(["advised_care", "no_action", "contacted", ""], start=1):
        entry = Entry.objects.create(user=person, date=datetime.date(2026, 3, day), season="spring")
        resolved = {"status": "resolved", "outcome": outcome, "resolved_at": REOPENED} if outcome else {}
        review = Review.objects.create(entry=entry, **resolved)
        ReviewEvent.objects.create(
            review=review, actor=rowan, action="resolved", outcome=outcome or "no_action"
        )
        reviews[outcome or "reopened"] = review
    Review.objects.update(created_at=CREATED)
    ReviewEvent.objects.create(review=reviews["reopened"], actor=rowan, action="reopened")
    ReviewEvent.objects.filter(action="reopened").update(created_at=REOPENED)
    return {outcome: review.pk for outcome, review in reviews.items()}


@pytest.mark.django_db(transaction=True)
def test_earlier_outcomes_carry_over_and_back():
    try:
        reviews = fill(migrate(BEFORE))

        now = migrate(latest())
        Review = now.get_model("review", "Review")
        ReviewEvent = now.get_model("review", "ReviewEvent")
        outcomes = {name: Review.objects.get(pk=pk).outcome for name, pk in reviews.items()}
        assert outcomes == {
            "advised_care": "needed_care",
            "no_action": "not_needed",
            "contacted": "contacted",
            "reopened": "",
        }
        history = {
            name: ReviewEvent.objects.get(review_id=pk, action="resolved").outcome
            for name, pk in reviews.items()
        }
        assert history == {
            "advised_care": "needed_care",
            "no_action": "not_needed",
            "contacted": "contacted",
            "reopened": "not_needed",
        }
        waiting_since = {name: Review.objects.get(pk=pk).waiting_since for name, pk in reviews.items()}
        assert waiting_since == {
            "advised_care": CREATED,
            "no_action": CREATED,
            "contacted": CREATED,
            "reopened": REOPENED,
        }
        assert now.get_model("review", "WaitingTime").objects.count() == 4

        earlier = migrate(BEFORE)
        waiting_times_ensure(apps=earlier)  # after migrating back, post_migrate finds no table to fill
        Review = earlier.get_model("review", "Review")
        assert sorted(Review.objects.exclude(outcome="").values_list("outcome", flat=True)) == [
            "advised_care",
            "contacted",
            "no_action",
        ]
    finally:
        migrate(latest())
