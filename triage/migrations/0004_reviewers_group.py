"""The "Reviewers" group, holding the permission to review flagged entries and nothing else, and a
review for every entry flagged before reviews existed, so the queue starts complete.

Permissions are normally created after all migrations have run; create this app's now, so the group
can be given its permission on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Reviewers"
CODENAME = "review_flagged_entries"


def create_group(apps, schema_editor):
    app_config = apps.get_app_config("triage")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="triage", codename=CODENAME))


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
