"""The "Reviewers" group, holding the permission to review flagged entries and nothing else, and a
review for every entry flagged before reviews existed, so the queue starts complete.

The review models lived in the triage app then; review/migrations/0002 moves the permission along.
"""

from django.db import migrations

from lib.groups import group_ensure

GROUP = "Reviewers"
CODENAME = "review_flagged_entries"


def create_group(apps, schema_editor):
    group_ensure(name=GROUP, app_label="triage", codenames=[CODENAME], apps=apps)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


def create_reviews(apps, schema_editor):
    Flag = apps.get_model("triage", "Flag")
    Review = apps.get_model("triage", "Review")
    flagged = Flag.objects.values_list("entry_id", flat=True).distinct()
    Review.objects.bulk_create(
        (Review(entry_id=entry_id) for entry_id in flagged.iterator()), batch_size=500, ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("triage", "0003_review"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_group, remove_group),
        migrations.RunPython(create_reviews, migrations.RunPython.noop),
    ]
