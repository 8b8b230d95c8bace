import datetime
import re

from django.urls import reverse

from journal.models import Entry
from tests.factories import UserFactory, entry_post_data


def test_the_edit_form_shows_the_stored_answers(person_client, person, entry_of):
    entry = entry_of(person, lower_back=5, symptoms=["headache", "fever"])
    html = person_client.get(reverse("journal:entry-update", args=[entry.pk])).content.decode()
    assert re.search(r'<input[^>]*name="lower_back" value="5"[^>]*checked', html)
    assert re.search(r'<input[^>]*value="headache"[^>]*checked', html)
    assert re.search(r'<input[^>]*value="fever"[^>]*checked', html)
    assert not re.search(r'<input[^>]*value="toothache"[^>]*checked', html)


def test_editing_changes_the_entry_and_its_pain(person_client, person, entry_of):
    entry = entry_of(person, lower_back=5)
    response = person_client.post(
        reverse("journal:entry-update", args=[entry.pk]), entry_post_data(lower_back="2", neck="4")
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.lower_back, entry.neck, entry.pain) == (2, 4, 4)


def test_editing_the_date_updates_the_season(person_client, person, entry_of):
    entry = entry_of(person, date=datetime.date(2026, 3, 10))
    person_client.post(reverse("journal:entry-update", args=[entry.pk]), entry_post_data(date="2026-01-10"))
    entry.refresh_from_db()
    assert entry.season == "winter"


def test_changing_the_hemisphere_updates_the_seasons_of_old_entries(person_client, person, entry_of):
    entry = entry_of(person, date=datetime.date(2026, 1, 10))
    person_client.post(reverse("accounts:profile"), {"hemisphere": "south", "time_zone": "UTC"})
    entry.refresh_from_db()
    assert entry.season == "summer"


def test_a_refused_edit_keeps_the_stored_entry(person_client, person, entry_of):
    entry = entry_of(person, lower_back=5)
    page = person_client.post(
        reverse("journal:entry-update", args=[entry.pk]), entry_post_data(lower_back="12")
    )
    assert page.status_code == 200
    assert Entry.objects.get(pk=entry.pk).lower_back == 5


def test_another_persons_entry_cannot_be_edited(person_client, entry_of, db):
    stranger_entry = entry_of(UserFactory(), lower_back=5)
    response = person_client.post(
        reverse("journal:entry-update", args=[stranger_entry.pk]), entry_post_data(lower_back="1")
    )
    assert response.status_code == 404
    assert Entry.objects.get(pk=stranger_entry.pk).lower_back == 5
