"""Opening a flag in the admin shows what it says about an entry: it is recorded like opening the entry."""

from auditlog.models import LogEntry
from django.urls import reverse

from tests.factories import UserFactory


def test_opening_a_flag_in_the_admin_is_an_access_the_person_sees(client, person, flagged_entry):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    flag = flagged_entry.flags.get()
    assert client.get(reverse("admin:triage_flag_change", args=[flag.pk])).status_code == 200
    record = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert (record.actor, record.object_id) == (admin, flagged_entry.pk)
    assert record.additional_data == {"page": "admin-flag", "person": person.pk}

    client.force_login(person)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "page of a piece of advice" in page


def test_the_list_of_flags_records_nothing(client, flagged_entry):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    client.get(reverse("admin:triage_flag_changelist"))
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()
