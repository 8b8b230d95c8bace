import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from front.services import entry_create
from journal.models import Entry
from tests.factories import UserFactory, entry_post_data

URL = reverse("journal:entry-create")


@pytest.fixture
def march_evening(monkeypatch):
    """Freeze the clock at 10 March 2026, 20:00 UTC."""
    moment = datetime.datetime(2026, 3, 10, 20, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    return moment


def test_the_form_proposes_today_in_the_persons_time_zone(client, db, march_evening):
    person = UserFactory(time_zone="Pacific/Auckland")  # already 11 March there
    client.force_login(person)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'value="2026-03-11"' in page.content.decode()


def test_it_saves_an_entry_with_two_regions_and_shows_it(person_client, person):
    response = person_client.post(URL, entry_post_data(upper_back="6", lower_back="3", time="08:15"))
    entry = Entry.objects.get(user=person)
    assert response.status_code == 302
    assert response["Location"] == reverse("journal:entry-detail", args=[entry.pk])
    assert (entry.upper_back, entry.lower_back, entry.neck) == (6, 3, 0)
    assert entry.pain == 6
    page = person_client.get(response["Location"]).content.decode()
    assert "Upper back (between the shoulder blades)" in page and "6/10" in page
    assert "Lower back" in page and "3/10" in page


def test_the_season_comes_from_the_date_and_the_hemisphere(client, db):
    southerner = UserFactory(hemisphere="south")
    client.force_login(southerner)
    client.post(URL, entry_post_data(date="2026-01-15", neck="2"))
    assert Entry.objects.get(user=southerner).season == "summer"


def test_symptoms_from_every_section_are_stored_together(person_client, person):
    person_client.post(
        URL,
        entry_post_data(
            upper_back="4",
            common_symptoms=["headache", "numbness"],
            red_flag_symptoms=["leg_weakness"],
            other_red_flag_symptoms=["fever"],
            radiates_to=["arms"],
            self_help=["heat", "stretching"],
        ),
    )
    entry = Entry.objects.get(user=person)
    assert entry.symptoms == ["headache", "numbness", "leg_weakness", "fever"]
    assert entry.radiates_to == ["arms"]
    assert entry.self_help == ["heat", "stretching"]


def test_habits_are_stored(person_client, person):
    person_client.post(
        URL,
        entry_post_data(
            sitting_hours="7.5",
            sitting_posture="hunched",
            shoulder_load="on",
            running_minutes="40",
            running_surface="hard",
            warmed_up="false",
            stretched_after="true",
            shoes_fit="unknown",
            strength_training="on",
        ),
    )
    entry = Entry.objects.get(user=person)
    assert str(entry.sitting_hours) == "7.5"
    assert entry.sitting_posture == "hunched"
    assert entry.shoulder_load and entry.strength_training and not entry.shoulders_raised_cold
    assert (entry.running_minutes, entry.running_surface) == (40, "hard")
    assert (entry.warmed_up, entry.stretched_after, entry.shoes_fit) == (False, True, None)


def test_several_entries_on_one_day_are_allowed(person_client, person):
    person_client.post(URL, entry_post_data(time="08:00", lower_back="2"))
    person_client.post(URL, entry_post_data(time="20:00", lower_back="5"))
    assert Entry.objects.filter(user=person, date="2026-03-10").count() == 2


def test_a_future_date_is_refused_and_everything_typed_is_kept(person_client, person):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    page = person_client.post(
        URL, entry_post_data(date=tomorrow, lower_back="7", notes="Sore after gardening")
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "The date cannot be in the future." in html
    assert "Sore after gardening" in html
    assert re.search(r'<input[^>]*name="lower_back" value="7"[^>]*checked', html)
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"), [("lower_back", "11"), ("spasms", "-1"), ("sitting_hours", "25")]
)
def test_out_of_range_values_are_refused_next_to_the_field(person_client, field, value):
    page = person_client.post(URL, entry_post_data(**{field: value}))
    assert page.status_code == 200
    assert page.context["form"].errors[field]
    assert not Entry.objects.exists()


def test_running_details_without_minutes_ask_for_the_minutes(person_client):
    page = person_client.post(URL, entry_post_data(running_surface="grass"))
    assert "how many minutes" in page.context["form"].errors["running_minutes"][0]


def test_a_person_without_consent_is_sent_to_the_consent_page(client, db):
    person = UserFactory(consented=False)
    client.force_login(person)
    response = client.post(URL, entry_post_data(neck="3"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:consent"))
    assert not Entry.objects.exists()


def test_the_service_refuses_an_entry_without_consent(db):
    person = UserFactory(consented=False)
    with pytest.raises(Exception, match="Consent"):
        entry_create(user=person, data={"date": datetime.date(2026, 3, 1)})


def test_the_service_refuses_unknown_symptom_codes(person):
    with pytest.raises(ValidationError):
        entry_create(user=person, data={"date": datetime.date(2026, 3, 1), "symptoms": ["hiccups"]})


def test_the_error_summary_names_and_links_each_field_to_correct(person_client):
    page = person_client.post(URL, entry_post_data(lower_back="11", running_surface="grass"))
    html = page.content.decode()
    assert "Please correct 2 fields." in html
    assert '<a href="#id_lower_back_0" class="alert-link">Lower back</a>' in html
    assert '<a href="#id_running_minutes" class="alert-link">Minutes running</a>' in html
