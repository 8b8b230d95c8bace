"""Review and ReviewEvent now belong to the review app (review/migrations/0001): triage forgets
them. The tables and their rows are not touched."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('triage', '0005_flag_order_by_keys_and_withdrawal_reason'),
        ('review', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='ReviewEvent'),
                migrations.DeleteModel(name='Review'),
            ],
        ),
    ]
