from django.urls import reverse

from tests.factories import UserFactory


def test_the_admin_lists_flagged_entries_with_useful_columns_and_search(client, person, entry_of):
    entry_of(person, lower_back=6, painkillers=True)
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get(reverse("admin:journal_entry_changelist"), {"q": person.username})
    html = page.content.decode()
    assert page.status_code == 200
    assert "1 entry" in html or "1 result" in html
    for column in ("Date", "Pain", "Season", "Took painkillers"):
        assert column in html


def test_staff_can_look_at_a_flagged_entry_but_not_change_it(client, person, entry_of):
    entry = entry_of(person, lower_back=6, painkillers=True)
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:journal_entry_change", args=[entry.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    response = client.post(url, {"lower_back": "1"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.lower_back == 6


def test_the_admin_lists_people_with_their_settings(client, person):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    html = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert person.username in html and "Hemisphere" in html


def test_the_admin_shows_no_entry_that_triage_did_not_flag(client, person, entry_of):
    quiet = entry_of(person, lower_back=2, notes="nothing to see")
    entry_of(person, lower_back=6, painkillers=True)
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    listing = client.get(reverse("admin:journal_entry_changelist")).content.decode()
    assert "1 entry" in listing
    response = client.get(reverse("admin:journal_entry_change", args=[quiet.pk]))
    assert response.status_code == 302  # the admin's "does not exist" redirect
    assert "nothing to see" not in client.get(response["Location"]).content.decode()


def test_the_entry_admin_shows_symptoms_in_words(client, person, entry_of):
    entry = entry_of(person, upper_back=4, symptoms=["headache", "fever"], painkillers=True)
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    html = client.get(reverse("admin:journal_entry_change", args=[entry.pk])).content.decode()
    assert "Headache, Fever" in html
    assert '["headache", "fever"]' not in html
