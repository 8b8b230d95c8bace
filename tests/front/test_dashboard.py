import datetime

import pytest
from django.urls import reverse

URL = reverse("journal:dashboard")
TODAY = datetime.date(2026, 3, 20)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    moment = datetime.datetime(2026, 3, 20, 12, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


def test_logging_in_lands_on_the_dashboard(client, person):
    response = client.post(
        reverse("account_login"), {"login": person.username, "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == URL


def test_it_says_when_nothing_is_logged_today_and_offers_to_log(person_client, person, entry_of):
    entry_of(person, date=TODAY - datetime.timedelta(days=1))
    html = person_client.get(URL).content.decode()
    assert "You have not logged anything today yet." in html
    assert "Log now" in html


def test_it_counts_todays_entries_and_their_highest_pain(person_client, person, entry_of):
    entry_of(person, date=TODAY, lower_back=3)
    entry_of(person, date=TODAY, lower_back=7)
    html = " ".join(person_client.get(URL).content.decode().split())
    assert "You logged 2 entries today." in html
    assert "Highest pain so far:" in html and "7/10" in html


def test_the_chart_has_fourteen_days_with_the_highest_pain_of_each(person_client, person, entry_of):
    entry_of(person, date=TODAY, upper_back=2)
    entry_of(person, date=TODAY, upper_back=8)
    entry_of(person, date=TODAY - datetime.timedelta(days=13), neck=4)
    entry_of(person, date=TODAY - datetime.timedelta(days=14), neck=9)  # outside the chart
    response = person_client.get(URL)
    days = response.context["days"]
    assert len(days) == 14
    assert (days[0].date, days[0].pain) == (TODAY - datetime.timedelta(days=13), 4)
    assert (days[-1].date, days[-1].pain) == (TODAY, 8)
    assert sum(day.pain is None for day in days) == 12
    html = response.content.decode()
    assert "Fri 20 Mar: 8/10" in html
    assert "nothing logged" in html


def test_a_new_person_sees_an_empty_state(person_client):
    html = person_client.get(URL).content.decode()
    assert "No entries yet." in html
