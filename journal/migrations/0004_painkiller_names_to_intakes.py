"""The free-text "which painkillers" of each entry becomes an intake on that entry, and each
different text a medication on its person's list, so a painkiller named before the list existed is
one tap away now. The text is kept whole as the intake's name: nothing is split or guessed."""

from django.db import migrations

BATCH = 1000


def names_to_intakes(apps, schema_editor):
    Entry = apps.get_model("journal", "Entry")
    Medication = apps.get_model("journal", "Medication")
    Intake = apps.get_model("journal", "Intake")
    listed = {}  # (person, name casefolded) -> the medication on their list
    intakes = []
    entries = (
        Entry.objects.exclude(painkiller_names="")
        .order_by("user_id", "date", "id")
        .values_list("id", "user_id", "painkiller_names")
    )
    for entry_id, user_id, text in entries.iterator(chunk_size=BATCH):
        name = text.strip()
        if not name:
            continue
        # casefold() merges at least what the database's case-insensitive uniqueness would.
        key = (user_id, name.casefold())
        if key not in listed:
            listed[key] = Medication.objects.create(user_id=user_id, name=name)
        intakes.append(Intake(entry_id=entry_id, medication=listed[key], name=name))
        if len(intakes) >= BATCH:
            Intake.objects.bulk_create(intakes)
            intakes = []
    Intake.objects.bulk_create(intakes)
    # The database already required painkillers to be ticked wherever a name was given.


def intakes_to_names(apps, schema_editor):
    """Undo: each entry's intakes become its text again (names joined by commas), and the list and
    intakes are emptied, as before this migration."""
    Entry = apps.get_model("journal", "Entry")
    Intake = apps.get_model("journal", "Intake")
    names = {}
    for entry_id, name in Intake.objects.order_by("entry_id", "id").values_list("entry_id", "name"):
        names.setdefault(entry_id, []).append(name)
    entries = list(Entry.objects.filter(pk__in=names))
    for entry in entries:
        entry.painkillers = True
        entry.painkiller_names = ", ".join(names[entry.pk])[:200]
    Entry.objects.bulk_update(entries, ["painkillers", "painkiller_names"], batch_size=BATCH)
    Intake.objects.all().delete()
    apps.get_model("journal", "Medication").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0003_medication_list_and_intakes"),
    ]

    operations = [
        migrations.RunPython(names_to_intakes, intakes_to_names),
    ]
