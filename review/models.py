"""The staff review of flagged entries: one review per flagged entry, and the history of its steps."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from journal.models import Entry

REVIEWERS_GROUP = "Reviewers"
# What the group holds and every review page asks for (Review.Meta.permissions).
REVIEW_PERMISSION = "review.review_flagged_entries"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLAIMED = "claimed", "Claimed"
    RESOLVED = "resolved", "Resolved"


class Outcome(models.TextChoices):
    CONTACTED = "contacted", "Contacted the person"
    ADVISED_CARE = "advised_care", "Advised care"
    NO_ACTION = "no_action", "No action needed"


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
