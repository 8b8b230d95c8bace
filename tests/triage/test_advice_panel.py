"""What the person sees: the result right after saving, open advice on the entry page and the
dashboard, and the journal list marking flagged entries with their urgency."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.selectors import user_today
from front.services import entry_update
from journal.models import Entry
from journal.vocabulary import Season
from tests.factories import UserFactory, entry_post_data
from triage import engine

NOT_A_DIAGNOSIS = "This is information, not a diagnosis."


def save(client, **fields):
    response = client.post(reverse("journal:entry-create"), entry_post_data(**fields))
    assert response.status_code == 302
    return response


def text(response):
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def test_right_after_saving_the_entry_page_lists_each_criterion_met(person_client):
    response = save(person_client, upper_back="6", common_symptoms=["headache"], radiates_to=["arms"])
    page = text(person_client.get(response["Location"]))
    assert "What your entry shows" in page
    assert "Head complaints together with back pain" in page
    assert "Pain spreading into the arms or down the back" in page
    assert "See a doctor within the next few days" in page
    assert (
        "Why we say this: This entry records pain of 6/10 in the upper back together with headache." in page
    )
    assert "a doctor should look at them side by side" in page  # the rule's message
    assert NOT_A_DIAGNOSIS in page
    assert 'role="alert"' not in page


def test_an_emergency_comes_first_and_says_not_to_wait(person_client):
    response = save(
        person_client, upper_back="4", common_symptoms=["headache"], red_flag_symptoms=["saddle_numbness"]
    )
    page = text(person_client.get(response["Location"]))
    alert = page.index('role="alert"')
    assert alert < page.index("Head complaints together with back pain")
    assert page.index("Signs that nerves at the base of the spine") < page.index("Head complaints")
    assert "Call your local emergency number now" in page
    assert "Do not wait for a reviewer" in page


def test_without_a_flag_the_person_gets_a_calm_confirmation(person_client):
    response = save(person_client, upper_back="2")
    page = text(person_client.get(response["Location"]))
    assert "Nothing in this entry meets our reasons to see a doctor." in page
    assert NOT_A_DIAGNOSIS in page


def test_the_result_panel_is_shown_once_then_the_page_shows_open_advice(person_client):
    response = save(person_client, upper_back="2")
    person_client.get(response["Location"])
    page = text(person_client.get(response["Location"]))
    assert "What your entry shows" not in page
    assert "Nothing in this entry meets" not in page


def test_the_entry_page_shows_open_advice_on_later_visits(person_client, person, entry_of):
    entry = entry_of(person, upper_back=5, painkillers=True)
    page = text(person_client.get(entry.get_absolute_url()))
    assert "Advice for this entry" in page
    assert "Taking painkillers for the pain" in page
    assert "Bring it up at your next doctor's visit" in page


def test_withdrawn_advice_is_no_longer_shown(person_client, person, entry_of):
    entry = entry_of(person, upper_back=5, painkillers=True)
    entry_update(entry=entry, data={"painkillers": False})
    assert "Taking painkillers" not in text(person_client.get(entry.get_absolute_url()))


def test_nothing_about_the_entry_goes_into_the_redirect(person_client):
    response = save(person_client, upper_back="6", red_flag_symptoms=["saddle_numbness"])
    assert re.fullmatch(r"/journal/\d+/", response["Location"])


def test_the_dashboard_shows_open_advice_of_recent_entries(person_client, person, entry_of):
    today = user_today(user=person)
    entry_of(person, date=today - datetime.timedelta(days=2), upper_back=5, painkillers=True)
    entry_of(person, date=today, upper_back=5, painkillers=True)
    entry_of(person, date=today - datetime.timedelta(days=30), symptoms=["chest_pain"])
    page = text(person_client.get(reverse("journal:dashboard")))
    assert "Advice from your recent entries" in page
    assert page.count("Taking painkillers for the pain") == 1  # one item per rule
    assert "Chest pain" not in page  # older than two weeks
    assert NOT_A_DIAGNOSIS in page


def test_the_list_marks_flagged_entries_with_their_highest_urgency(person_client, person, entry_of):
    entry_of(person, upper_back=5, painkillers=True, symptoms=["headache"])
    entry_of(person, upper_back=1)
    page = text(person_client.get(reverse("journal:entry-list")))
    assert page.count("triage-badge-") == 1
    assert "See a doctor in a few days" in page


def bulk_flagged_entries(user, count):
    """Many entries, a third of them flagged, written in bulk and triaged in one pass."""
    today = user_today(user=user)
    Entry.objects.bulk_create(
        Entry(
            user=user,
            date=today - datetime.timedelta(days=n // 3),
            upper_back=n % 11,
            spasms=n % 2,
            symptoms=["headache", "nausea"] if n % 3 == 0 else [],
            painkillers=n % 5 == 0,
            season=Season.AUTUMN,
        )
        for n in range(count)
    )
    engine.entries_retriage(entry_ids=Entry.objects.filter(user=user).values_list("id", flat=True))
    return Entry.objects.filter(user=user).first()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["journal:dashboard", "journal:entry-list", "journal:entry-detail"])
def test_pages_with_advice_run_the_same_queries_for_5_and_500_entries(
    client, db, name, django_assert_max_num_queries
):
    counts = []
    for count in (5, 500):
        user = UserFactory()
        client.force_login(user)
        entry = bulk_flagged_entries(user, count)
        url = reverse(name, args=[entry.pk] if name == "journal:entry-detail" else [])
        with django_assert_max_num_queries(14):
            counts.append(queries(client, url))
    assert counts[0] == counts[1]


def test_a_calmer_entry_today_does_not_hide_an_urgent_flag_of_the_same_rule(person_client, person, entry_of):
    today = user_today(user=person)
    entry_of(
        person, date=today - datetime.timedelta(days=3), upper_back=4, symptoms=["numbness", "dizziness"]
    )
    entry_of(person, date=today, upper_back=4, symptoms=["numbness"])
    page = text(person_client.get(reverse("journal:dashboard")))
    assert page.count(">Numbness<") <= 1 and "Numbness" in page
    assert "See a doctor today" in page
