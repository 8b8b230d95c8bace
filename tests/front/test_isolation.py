"""Every journal URL is scoped to the signed-in person."""

import pytest
from django.urls import reverse

from tests.factories import entry_post_data

ENTRY_URLS = ["journal:entry-detail", "journal:entry-update", "journal:entry-delete"]
PERSON_URLS = ["journal:dashboard", "journal:entry-list", "journal:entry-create"]


@pytest.mark.parametrize("name", ENTRY_URLS)
def test_another_persons_entry_answers_404(person_client, other_person, entry_of, name):
    entry = entry_of(other_person, notes="private note of sam")
    url = reverse(name, args=[entry.pk])
    assert person_client.get(url).status_code == 404
    assert person_client.post(url, entry_post_data()).status_code == 404


def test_a_missing_entry_answers_404_like_another_persons(person_client):
    assert person_client.get(reverse("journal:entry-detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("name", ENTRY_URLS)
def test_a_logged_out_visitor_is_sent_to_log_in_for_an_entry(client, person, entry_of, name):
    url = reverse(name, args=[entry_of(person).pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", PERSON_URLS)
def test_a_logged_out_visitor_is_sent_to_log_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_lists_and_dashboard_show_only_the_persons_own_entries(person_client, person, other_person, entry_of):
    entry_of(person, notes="mine", lower_back=2, upper_back=0)
    entry_of(other_person, notes="theirs", lower_back=9, upper_back=0)
    for name in ("journal:dashboard", "journal:entry-list"):
        html = person_client.get(reverse(name)).content.decode()
        assert "2/10" in html
        assert "9/10" not in html
