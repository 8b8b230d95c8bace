"""The dashboard's "No pain today": one press stores a pain-free entry for today (in the person's
time zone) through the entry services, says so, and a second press the same day adds nothing."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from journal.models import Entry
from tests.factories import UserFactory

URL = reverse("journal:no-pain-today")
DASHBOARD = reverse("journal:dashboard")
NOON_UTC = datetime.datetime(2026, 3, 20, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOON_UTC)


def test_it_stores_a_pain_free_entry_for_today_and_says_so(person_client, person):
    response = person_client.post(URL, follow=True)
    assert response.redirect_chain == [(DASHBOARD, 302)]
    entry = Entry.objects.get(user=person)
    assert (entry.date, entry.time, entry.pain) == (datetime.date(2026, 3, 20), datetime.time(12, 0), 0)
    assert entry.season == "spring"
    html = response.content.decode()
    assert "Noted: no pain today. A pain-free entry for Friday 20 March is in your journal." in html
    assert "You noted a pain-free entry today." in html


def test_pressing_it_twice_the_same_day_stores_one_entry(person_client, person):
    person_client.post(URL)
    response = person_client.post(URL, follow=True)
    assert Entry.objects.filter(user=person).count() == 1
    assert (
        "You had already noted a pain-free entry today, so nothing new was added."
        in response.content.decode()
    )


def test_today_is_today_where_the_person_lives(person_client, person):
    person.time_zone = "Pacific/Auckland"  # 01:00 on 21 March there
    person.save()
    person_client.post(URL)
    entry = Entry.objects.get(user=person)
    assert (entry.date, entry.time) == (datetime.date(2026, 3, 21), datetime.time(1, 0))


def test_it_adds_a_pain_free_entry_after_a_painful_one_and_the_day_keeps_its_highest_pain(
    person_client, person, entry_of
):
    entry_of(person, date=datetime.date(2026, 3, 20), lower_back=5)
    html = person_client.post(URL, follow=True).content.decode()
    assert Entry.objects.filter(user=person, pain=0).count() == 1
    assert "You logged 2 entries today." in " ".join(html.split())
    assert "5/10" in html


def test_the_entry_is_judged_by_triage_like_any_other(person_client, person, monkeypatch):
    judged = []
    monkeypatch.setattr(
        "front.services.entries_around_retriage",
        lambda *, entry, user, days: judged.append((entry.pk, user.pk, days)),
    )
    person_client.post(URL)
    entry = Entry.objects.get(user=person)
    assert judged == [(entry.pk, person.pk, [entry.date])]


def test_it_needs_a_post_with_the_csrf_token(person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    assert client.get(URL).status_code == 405
    assert client.post(URL).status_code == 403
    assert not Entry.objects.filter(user=person).exists()


def test_the_dashboard_offers_it_as_a_form_that_works_without_javascript(person_client):
    html = person_client.get(DASHBOARD).content.decode()
    form = html[html.index(f'<form method="post" action="{URL}">') :]
    form = form[: form.index("</form>")]
    assert 'name="csrfmiddlewaretoken"' in form
    assert '<button type="submit" class="btn btn-outline-success btn-lg">No pain today</button>' in form


def test_nothing_is_stored_without_consent(client, db):
    person = UserFactory(consented=False)
    client.force_login(person)
    response = client.post(URL)
    assert response.status_code == 302 and "consent" in response["Location"]
    assert not Entry.objects.filter(user=person).exists()
