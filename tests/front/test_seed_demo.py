import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User
from journal.models import Entry, Intake
from tests.totp import totp_code


def test_it_refuses_to_run_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_it_creates_the_demo_accounts_and_four_months_of_entries_once(db, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    demo = User.objects.get(username="demo")
    assert demo.check_password("demo") and not demo.is_staff
    assert User.objects.get(username="reviewer").is_staff
    assert User.objects.get(username="admin").is_superuser
    entries = Entry.objects.filter(user=demo)
    assert 90 <= entries.count() <= 160
    days = entries.values("date").distinct().count()
    assert days < entries.count(), "some days have two entries"
    first, last = entries.order_by("date").first().date, entries.order_by("date").last().date
    assert (last - first).days >= 110
    assert days < (last - first).days + 1, "some days are skipped"
    assert entries.filter(spasms__gt=0).exists() and entries.filter(painkillers=True).exists()

    call_command("seed_demo")
    assert Entry.objects.filter(user=demo).count() == entries.count()


def test_the_demo_staff_open_their_pages_with_the_authenticator_secret_of_the_readme(db, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    for username, page in (("reviewer", reverse("review:queue")), ("admin", reverse("admin:index"))):
        client = Client()
        response = client.post(reverse("account_login"), {"login": username, "password": username})
        assert response["Location"] == reverse("mfa_authenticate")
        client.post(reverse("mfa_authenticate"), {"code": totp_code("JBSWY3DPEHPK3PXP")})
        assert client.get(page).status_code == 200, username
    demo = Client()
    demo.post(reverse("account_login"), {"login": "demo", "password": "demo"})
    assert demo.get(reverse("journal:dashboard")).status_code == 200  # no second factor for the demo person


def test_the_demo_person_keeps_a_medication_list_and_records_intakes_from_it(db, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    demo = User.objects.get(username="demo")
    assert [(m.name, m.dose) for m in demo.medications.all()] == [
        ("Ibuprofen", "400 mg"),
        ("Paracetamol", "500 mg"),
    ]
    intakes = Intake.objects.filter(entry__user=demo)
    assert intakes.count() >= 5
    assert not intakes.filter(medication=None).exists(), "every intake names a medication of the list"
    assert intakes.filter(relief=None).exists() and intakes.exclude(relief=None).exists()
    assert all(intake.entry.painkillers for intake in intakes.select_related("entry"))
