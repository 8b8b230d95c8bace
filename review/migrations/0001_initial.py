"""The staff review becomes an app of its own: Review and ReviewEvent move here from triage.

Only Django's record of the models moves; the tables stay as they are (triage_review and
triage_reviewevent) with every row, and 0002 renames them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('journal', '0002_entry_detail_constraints'),
        ('triage', '0005_flag_order_by_keys_and_withdrawal_reason'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Review',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('open', 'Open'), ('claimed', 'Claimed'), ('resolved', 'Resolved')], default='open', max_length=10)),
                        ('claimed_at', models.DateTimeField(blank=True, null=True)),
                        ('outcome', models.CharField(blank=True, choices=[('contacted', 'Contacted the person'), ('advised_care', 'Advised care'), ('no_action', 'No action needed')], max_length=12)),
                        ('resolved_at', models.DateTimeField(blank=True, null=True)),
                        ('version', models.PositiveIntegerField(default=1)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('claimed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('entry', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='review', to='journal.entry')),
                    ],
                    options={
                        'ordering': ['created_at', 'id'],
                        'permissions': [('review_flagged_entries', 'Can review flagged entries')],
                        'db_table': 'triage_review',
                    },
                ),
                migrations.CreateModel(
                    name='ReviewEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('action', models.CharField(choices=[('claimed', 'Claimed'), ('released', 'Released'), ('note', 'Internal note'), ('resolved', 'Resolved'), ('reopened', 'Reopened'), ('messaged', 'Message to the person')], max_length=10)),
                        ('outcome', models.CharField(blank=True, choices=[('contacted', 'Contacted the person'), ('advised_care', 'Advised care'), ('no_action', 'No action needed')], max_length=12)),
                        ('note', models.TextField(blank=True, max_length=4000, verbose_name='internal note')),
                        ('message', models.TextField(blank=True, max_length=4000, verbose_name='message to the person')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('review', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='review.review')),
                    ],
                    options={
                        'ordering': ['created_at', 'id'],
                        'db_table': 'triage_reviewevent',
                    },
                ),
                migrations.AddIndex(
                    model_name='review',
                    index=models.Index(fields=['status', 'created_at'], name='review_status_oldest'),
                ),
                migrations.AddConstraint(
                    model_name='review',
                    constraint=models.CheckConstraint(condition=models.Q(('status__in', ['open', 'claimed', 'resolved'])), name='review_status_valid'),
                ),
                migrations.AddConstraint(
                    model_name='review',
                    constraint=models.CheckConstraint(condition=models.Q(('outcome__in', ['', 'contacted', 'advised_care', 'no_action'])), name='review_outcome_valid'),
                ),
                migrations.AddConstraint(
                    model_name='review',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('claimed_at__isnull', False), ('claimed_by__isnull', False), ('status', 'claimed')), models.Q(models.Q(('status', 'claimed'), _negated=True), ('claimed_at__isnull', True), ('claimed_by__isnull', True)), _connector='OR'), name='review_claimed_has_holder'),
                ),
                migrations.AddConstraint(
                    model_name='review',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('resolved_at__isnull', False), ('status', 'resolved'), models.Q(('outcome', ''), _negated=True)), models.Q(models.Q(('status', 'resolved'), _negated=True), ('outcome', ''), ('resolved_at__isnull', True)), _connector='OR'), name='review_resolved_has_outcome'),
                ),
                migrations.AddConstraint(
                    model_name='review',
                    constraint=models.CheckConstraint(condition=models.Q(('version__gte', 1)), name='review_version_positive'),
                ),
                migrations.AddConstraint(
                    model_name='reviewevent',
                    constraint=models.CheckConstraint(condition=models.Q(('action__in', ['claimed', 'released', 'note', 'resolved', 'reopened', 'messaged'])), name='reviewevent_action_valid'),
                ),
                migrations.AddConstraint(
                    model_name='reviewevent',
                    constraint=models.CheckConstraint(condition=models.Q(('outcome__in', ['', 'contacted', 'advised_care', 'no_action'])), name='reviewevent_outcome_valid'),
                ),
                migrations.AddConstraint(
                    model_name='reviewevent',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'messaged'), models.Q(('message', ''), _negated=True)), models.Q(models.Q(('action', 'messaged'), _negated=True), ('message', '')), _connector='OR'), name='reviewevent_message_only_when_messaged'),
                ),
                migrations.AddConstraint(
                    model_name='reviewevent',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'note'), _negated=True), models.Q(('note', ''), _negated=True), _connector='OR'), name='reviewevent_note_has_text'),
                ),
                migrations.AddConstraint(
                    model_name='reviewevent',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'resolved'), ('outcome__in', ['contacted', 'advised_care', 'no_action'])), models.Q(models.Q(('action', 'resolved'), _negated=True), ('outcome', '')), _connector='OR'), name='reviewevent_resolved_has_outcome'),
                ),
            ],
        ),
    ]
