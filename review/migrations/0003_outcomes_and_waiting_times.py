"""Outcomes that say whether the advice was warranted, when each entry began to wait, and the
waiting time of each urgency: the tables and columns. review/0004 carries the data over and
review/0005 checks the new outcomes; three migrations, so PostgreSQL never alters a table in the
transaction that updated its rows."""

import django.utils.timezone
from django.db import migrations, models


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
    ]
