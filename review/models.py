"""The staff review of flagged entries: one review per flagged entry, and the history of its steps."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journal.models import Entry
from review.waiting import duration_words
from triage.rules import Urgency

REVIEWERS_GROUP = "Reviewers"
# What the group holds and every review page asks for (Review.Meta.permissions).
REVIEW_PERMISSION = "review.review_flagged_entries"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLAIMED = "claimed", "Claimed"
    RESOLVED = "resolved", "Resolved"


class Outcome(models.TextChoices):
    """How a review ended, said so that it tells whether the advice was warranted (WARRANTED)."""

    NEEDED_CARE = "needed_care", "Needed care"
    UNDER_CARE = "under_care", "Already under care"
    NOT_NEEDED = "not_needed", "Care not needed"
    NOT_REACHED = "not_reached", "Could not reach the person"
    # Recorded before the outcomes said whether the advice was warranted (review/0003 kept it as
    # it was: "contacted" says nothing either way). No longer offered to reviewers.
    CONTACTED = "contacted", "Contacted the person (earlier outcome)"


# Whether the advice on the entry was warranted, by outcome: True, False, or None when the outcome
# cannot tell. Already being under care means the advice was right, the person only had it first.
WARRANTED: dict[str, bool | None] = {
    Outcome.NEEDED_CARE: True,
    Outcome.UNDER_CARE: True,
    Outcome.NOT_NEEDED: False,
    Outcome.NOT_REACHED: None,
    Outcome.CONTACTED: None,
}
# What a reviewer chooses from today.
OUTCOMES_OFFERED = [choice for choice in Outcome.choices if choice[0] != Outcome.CONTACTED]


class Review(models.Model):
    """The staff review of one flagged entry: who holds it, how it ended. One per entry, created
    when the entry gets its first flag; ``version`` grows with every change so two reviewers acting
    on the same entry at once cannot overwrite each other (compare-and-set in review.services)."""

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="review")
    status = models.CharField(max_length=10, choices=ReviewStatus, default=ReviewStatus.OPEN)
    # PROTECT: a reviewer with reviews in hand is deactivated, not deleted.
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the entry began to wait for a reviewer: its first flag, or the last reopening. Its
    # waiting time (WaitingTime) counts from here.
    waiting_since = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        permissions = [("review_flagged_entries", "Can review flagged entries")]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ReviewStatus.values), name="review_status_valid"),
            models.CheckConstraint(
                condition=Q(outcome__in=["", *Outcome.values]), name="review_outcome_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ReviewStatus.CLAIMED, claimed_by__isnull=False, claimed_at__isnull=False)
                | (~Q(status=ReviewStatus.CLAIMED) & Q(claimed_by__isnull=True, claimed_at__isnull=True)),
                name="review_claimed_has_holder",
            ),
            models.CheckConstraint(
                condition=(Q(status=ReviewStatus.RESOLVED, resolved_at__isnull=False) & ~Q(outcome=""))
                | (~Q(status=ReviewStatus.RESOLVED) & Q(outcome="", resolved_at__isnull=True)),
                name="review_resolved_has_outcome",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="review_version_positive"),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="review_status_oldest")]

    def __str__(self):
        return f"Review of entry {self.entry_id}"


class ReviewAction(models.TextChoices):
    CLAIMED = "claimed", "Claimed"
    RELEASED = "released", "Released"
    NOTE = "note", "Internal note"
    RESOLVED = "resolved", "Resolved"
    REOPENED = "reopened", "Reopened"
    MESSAGED = "messaged", "Message to the person"


class ReviewEvent(models.Model):
    """One step in a review's history, kept and never edited. Internal notes and the message to
    the person are separate columns, so a page for the person can only ever read ``message``."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    # Null when the system acted: a new flag on a resolved entry reopens its review.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=10, choices=ReviewAction)
    outcome = models.CharField(max_length=12, choices=Outcome, blank=True)
    note = models.TextField("internal note", blank=True, max_length=4000)
    message = models.TextField("message to the person", blank=True, max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=ReviewAction.values), name="reviewevent_action_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=["", *Outcome.values]), name="reviewevent_outcome_valid"
            ),
            # Only a "messaged" step carries text for the person, and it always does.
            models.CheckConstraint(
                condition=(Q(action=ReviewAction.MESSAGED) & ~Q(message=""))
                | (~Q(action=ReviewAction.MESSAGED) & Q(message="")),
                name="reviewevent_message_only_when_messaged",
            ),
            models.CheckConstraint(
                condition=~Q(action=ReviewAction.NOTE) | ~Q(note=""), name="reviewevent_note_has_text"
            ),
            models.CheckConstraint(
                condition=Q(action=ReviewAction.RESOLVED, outcome__in=Outcome.values)
                | (~Q(action=ReviewAction.RESOLVED) & Q(outcome="")),
                name="reviewevent_resolved_has_outcome",
            ),
        ]

    def __str__(self):
        return f"{self.action} on review {self.review_id}"


class TimeUnit(models.TextChoices):
    MINUTES = "minutes", "minutes"
    HOURS = "hours", "hours"
    DAYS = "days", "days"


# The waiting times review/0003 creates, and what counts when a row is missing.
DEFAULT_WAITING_TIMES: dict[str, tuple[int, str]] = {
    Urgency.EMERGENCY: (1, TimeUnit.HOURS),
    Urgency.URGENT: (8, TimeUnit.HOURS),
    Urgency.SOON: (3, TimeUnit.DAYS),
    Urgency.ROUTINE: (14, TimeUnit.DAYS),
}


class WaitingTime(models.Model):
    """How long an entry of one urgency may wait for a reviewer, counted from when it began to
    wait; one row per urgency, set by admins. The queue says how much is left or how long overdue."""

    urgency = models.CharField(max_length=10, choices=Urgency.choices, primary_key=True)
    amount = models.PositiveIntegerField()
    unit = models.CharField(max_length=7, choices=TimeUnit, default=TimeUnit.HOURS)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(urgency__in=Urgency.values), name="waitingtime_urgency_valid"),
            models.CheckConstraint(condition=Q(unit__in=TimeUnit.values), name="waitingtime_unit_valid"),
            models.CheckConstraint(condition=Q(amount__gte=1), name="waitingtime_amount_positive"),
        ]

    def __str__(self):
        return f"{self.urgency.capitalize()}: {duration_words(self.limit)}"

    @property
    def limit(self) -> datetime.timedelta:
        return datetime.timedelta(**{self.unit: self.amount})
