from django.urls import reverse

from journal.models import Entry


def test_delete_asks_for_confirmation_first(person_client, person, entry_of):
    entry = entry_of(person)
    page = person_client.get(reverse("journal:entry-delete", args=[entry.pk]))
    assert "Yes, delete it" in page.content.decode()
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_confirming_deletes_the_entry_and_returns_to_the_list(person_client, person, entry_of):
    entry = entry_of(person)
    response = person_client.post(reverse("journal:entry-delete", args=[entry.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:entry-list")
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert "Entry deleted." in person_client.get(response["Location"]).content.decode()
