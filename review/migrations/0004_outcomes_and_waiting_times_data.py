"""Outcomes that say whether the advice was warranted, when each entry began to wait, and the
waiting time of each urgency: the data.

The outcomes are renamed without losing any: "advised care" is "needed care" (the reviewer judged
that the person needed a doctor) and "no action needed" is "care not needed", in the reviews and
in every resolved step of their history. "Contacted" says nothing about whether the advice was
warranted, so it stays as it was, an earlier outcome no longer offered. Going back, the two new
outcomes without an earlier twin become the nearest ones: "already under care" becomes "no action
needed", "could not reach" becomes "contacted".
"""

from django.db import migrations
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce

FORWARD = {"advised_care": "needed_care", "no_action": "not_needed"}
BACKWARD = {"needed_care": "advised_care", "not_needed": "no_action", "under_care": "no_action", "not_reached": "contacted"}
WAITING_TIMES = {"emergency": (1, "hours"), "urgent": (8, "hours"), "soon": (3, "days"), "routine": (14, "days")}


def outcomes_renamer(mapping):
    def rename(apps, schema_editor):
        for model in ("Review", "ReviewEvent"):
            rows = apps.get_model("review", model).objects
            for old, new in mapping.items():
                rows.filter(outcome=old).update(outcome=new)

    return rename


def waiting_since_fill(apps, schema_editor):
    """An entry began to wait when its review was created, or when it was last reopened."""
    Review = apps.get_model("review", "Review")
    ReviewEvent = apps.get_model("review", "ReviewEvent")
    reopened = ReviewEvent.objects.filter(review=OuterRef("pk"), action="reopened").order_by("-created_at", "-id")
    Review.objects.update(waiting_since=Coalesce(Subquery(reopened.values("created_at")[:1]), F("created_at")))


def waiting_times_create(apps, schema_editor):
    WaitingTime = apps.get_model("review", "WaitingTime")
    for urgency, (amount, unit) in WAITING_TIMES.items():
        WaitingTime.objects.get_or_create(urgency=urgency, defaults={"amount": amount, "unit": unit})


class Migration(migrations.Migration):

    dependencies = [
        ('review', '0003_outcomes_and_waiting_times'),
    ]

    operations = [
        migrations.RunPython(outcomes_renamer(FORWARD), outcomes_renamer(BACKWARD)),
        migrations.RunPython(waiting_since_fill, migrations.RunPython.noop),
        migrations.RunPython(waiting_times_create, migrations.RunPython.noop),
    ]
