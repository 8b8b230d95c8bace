"""The review's tables take the review app's names, and its content types (with the permission to
review flagged entries, and every group and person holding it) move from triage to review."""

from django.db import migrations

MODELS = ("review", "reviewevent")


def content_types_mover(source, target):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        for model in MODELS:
            old = ContentType.objects.filter(app_label=source, model=model).first()
            if old is None:
                continue
            new = ContentType.objects.filter(app_label=target, model=model).first()
            if new is None:
                old.app_label = target
                old.save(update_fields=["app_label"])
                continue
            # Both exist (Django made the new one after an earlier, partial migrate): keep the new
            # one and carry every holder of the old one's permissions over to it.
            for permission in Permission.objects.filter(content_type=old):
                twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
                if twin is None:
                    permission.content_type = new
                    permission.save(update_fields=["content_type"])
                    continue
                twin.group_set.add(*permission.group_set.all())
                twin.user_set.add(*permission.user_set.all())
                permission.delete()
            old.delete()

    return move


class Migration(migrations.Migration):

    dependencies = [
        ('review', '0001_initial'),
        ('triage', '0006_review_moves_to_its_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.AlterModelTable(name='review', table=None),
        migrations.AlterModelTable(name='reviewevent', table=None),
        migrations.RunPython(content_types_mover("triage", "review"), content_types_mover("review", "triage")),
    ]
