"""A person's daily reminder (the e-mail and the calendar feed), and the record of every reminder
sent, which keeps it to one per person and local day."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

DEFAULT_TIME = datetime.time(20, 0)


class ReminderPlan(models.Model):
    """When a person wants to be reminded. No row means the defaults: e-mail off, 20:00, no feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="reminder_plan"
    )
    enabled = models.BooleanField("send me a daily e-mail reminder", default=False)
    # On the person's own clock (User.time_zone), whatever the server's zone.
    at = models.TimeField("at", default=DEFAULT_TIME)
    # The secret in the calendar feed's address; None once revoked. Anyone holding it can read the
    # feed, which says only when the reminder is: no health data.
    feed_token = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    feed_created_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # A feed has a creation time, and only a feed has one: its events start on that day.
            models.CheckConstraint(
                condition=Q(feed_token__isnull=True, feed_created_at__isnull=True)
                | Q(feed_token__isnull=False, feed_created_at__isnull=False),
                name="reminderplan_feed_has_creation_time",
            ),
            models.CheckConstraint(condition=~Q(feed_token=""), name="reminderplan_feed_token_not_empty"),
        ]

    def __str__(self):
        return f"Reminder plan of {self.user}"


class DeliveryStatus(models.TextChoices):
    # Claimed by a round and being sent. A round that died here leaves it so: whether the mail
    # left is unknown, and a second reminder is worse than a missing one, so it is never resent.
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    # The mail server refused or could not be reached: tried again after retry_at, that day only.
    FAILED = "failed", "Failed, to be tried again"


class ReminderDelivery(models.Model):
    """The reminder of one person for one of their local days: at most one, whatever is retried."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(help_text="The person's local day the reminder is for.")
    status = models.CharField(max_length=10, choices=DeliveryStatus)
    attempts = models.PositiveSmallIntegerField(default=1)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    # The class of the last error only: a mail server's message may echo the address back.
    error = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-day", "user_id"]
        verbose_name_plural = "reminder deliveries"
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="reminder_once_per_person_and_day"),
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values), name="reminderdelivery_status_valid"
            ),
            models.CheckConstraint(condition=Q(attempts__gte=1), name="reminderdelivery_attempted"),
            models.CheckConstraint(
                condition=Q(status=DeliveryStatus.SENT, sent_at__isnull=False)
                | (~Q(status=DeliveryStatus.SENT) & Q(sent_at__isnull=True)),
                name="reminderdelivery_sent_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=DeliveryStatus.FAILED) | Q(retry_at__isnull=False),
                name="reminderdelivery_failed_has_retry_time",
            ),
        ]

    def __str__(self):
        return f"Reminder of {self.user_id} for {self.day}: {self.status}"
