"""Outcomes that say whether the advice was warranted, when each entry began to wait, and the
waiting time of each urgency.

The outcomes are renamed without losing any: "advised care" is "needed care" (the reviewer judged
that the person needed a doctor) and "no action needed" is "care not needed", in the reviews and
in every resolved step of their history. "Contacted" says nothing about whether the advice was
warranted, so it stays as it was, an earlier outcome no longer offered. Going back, the two new
outcomes without an earlier twin become the nearest ones: "already under care" becomes "no action
needed", "could not reach" becomes "contacted".
"""

import django.utils.timezone
from django.db import migrations, models
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
        ('review', '0002_tables_and_permission_move_to_review'),
    ]

    operations = [
        migrations.CreateModel(
            name='WaitingTime',
            fields=[
                ('urgency', models.CharField(choices=[('emergency', 'Seek care now: call your local emergency number'), ('urgent', 'See a doctor today'), ('soon', 'See a doctor within the next few days'), ('routine', "Bring it up at your next doctor's visit")], max_length=10, primary_key=True, serialize=False)),
                ('amount', models.PositiveIntegerField()),
                ('unit', models.CharField(choices=[('minutes', 'minutes'), ('hours', 'hours'), ('days', 'days')], default='hours', max_length=7)),
                ('updated_at', models.DateTimeField(auto_now=True)),
            ],
        ),
        migrations.RemoveConstraint(
            model_name='review',
            name='review_outcome_valid',
        ),
        migrations.RemoveConstraint(
            model_name='reviewevent',
            name='reviewevent_outcome_valid',
        ),
        migrations.RemoveConstraint(
            model_name='reviewevent',
            name='reviewevent_resolved_has_outcome',
        ),
        migrations.AddField(
            model_name='review',
            name='waiting_since',
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AlterField(
            model_name='review',
            name='outcome',
            field=models.CharField(blank=True, choices=[('needed_care', 'Needed care'), ('under_care', 'Already under care'), ('not_needed', 'Care not needed'), ('not_reached', 'Could not reach the person'), ('contacted', 'Contacted the person (earlier outcome)')], max_length=12),
        ),
        migrations.AlterField(
            model_name='reviewevent',
            name='outcome',
            field=models.CharField(blank=True, choices=[('needed_care', 'Needed care'), ('under_care', 'Already under care'), ('not_needed', 'Care not needed'), ('not_reached', 'Could not reach the person'), ('contacted', 'Contacted the person (earlier outcome)')], max_length=12),
        ),
        migrations.RunPython(outcomes_renamer(FORWARD), outcomes_renamer(BACKWARD)),
        migrations.RunPython(waiting_since_fill, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='review',
            constraint=models.CheckConstraint(condition=models.Q(('outcome__in', ['', 'needed_care', 'under_care', 'not_needed', 'not_reached', 'contacted'])), name='review_outcome_valid'),
        ),
        migrations.AddConstraint(
            model_name='reviewevent',
            constraint=models.CheckConstraint(condition=models.Q(('outcome__in', ['', 'needed_care', 'under_care', 'not_needed', 'not_reached', 'contacted'])), name='reviewevent_outcome_valid'),
        ),
        migrations.AddConstraint(
            model_name='reviewevent',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'resolved'), ('outcome__in', ['needed_care', 'under_care', 'not_needed', 'not_reached', 'contacted'])), models.Q(models.Q(('action', 'resolved'), _negated=True), ('outcome', '')), _connector='OR'), name='reviewevent_resolved_has_outcome'),
        ),
        migrations.AddConstraint(
            model_name='waitingtime',
            constraint=models.CheckConstraint(condition=models.Q(('urgency__in', ['emergency', 'urgent', 'soon', 'routine'])), name='waitingtime_urgency_valid'),
        ),
        migrations.AddConstraint(
            model_name='waitingtime',
            constraint=models.CheckConstraint(condition=models.Q(('unit__in', ['minutes', 'hours', 'days'])), name='waitingtime_unit_valid'),
        ),
        migrations.AddConstraint(
            model_name='waitingtime',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gte', 1)), name='waitingtime_amount_positive'),
        ),
        migrations.RunPython(waiting_times_create, migrations.RunPython.noop),
    ]
