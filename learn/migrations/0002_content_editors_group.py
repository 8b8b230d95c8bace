"""The "Content editors" group: may add, change, delete and view articles and tips, and nothing else."""

from django.db import migrations

from lib.groups import group_ensure

GROUP = "Content editors"
MODELS = ("article", "tip")
ACTIONS = ("add", "change", "delete", "view")


def create_group(apps, schema_editor):
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    group_ensure(name=GROUP, app_label="learn", codenames=codenames, apps=apps)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learn", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
