"""Every account that has an e-mail address gets allauth's record of it, unverified: the person is
asked to confirm it at the next sign-in, as every new account is. Addresses shared by several
accounts (possible before addresses became unique) are kept unverified on each; the first to
confirm it keeps it."""

from django.db import migrations


def record_addresses(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    known = set(EmailAddress.objects.values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        EmailAddress(user_id=user_id, email=email.lower(), verified=False, primary=True)
        for user_id, email in User.objects.exclude(email="").values_list("id", "email").iterator()
        if user_id not in known
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(record_addresses, migrations.RunPython.noop)]
