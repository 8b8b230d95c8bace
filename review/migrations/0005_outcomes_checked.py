"""The outcomes' check constraints, once review/0004 renamed the earlier outcomes."""

from django.db import migrations, models

OUTCOMES = ['needed_care', 'under_care', 'not_needed', 'not_reached', 'contacted']


class Migration(migrations.Migration):

    dependencies = [
        ('review', '0004_outcomes_and_waiting_times_data'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='review',
            constraint=models.CheckConstraint(condition=models.Q(('outcome__in', ['', *OUTCOMES])), name='review_outcome_valid'),
        ),
        migrations.AddConstraint(
            model_name='reviewevent',
            constraint=models.CheckConstraint(condition=models.Q(('outcome__in', ['', *OUTCOMES])), name='reviewevent_outcome_valid'),
        ),
        migrations.AddConstraint(
            model_name='reviewevent',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'resolved'), ('outcome__in', OUTCOMES)), models.Q(models.Q(('action', 'resolved'), _negated=True), ('outcome', '')), _connector='OR'), name='reviewevent_resolved_has_outcome'),
        ),
    ]
