""" "Start from my last entry" fills a new entry with the last entry's regions and habits, never its
symptoms, warning signs, medicines or notes, and says which day it copied."""

import datetime
import re
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from journal.services import medication_create

URL = reverse("journal:entry-create")


def checked(html, name):
    return re.search(rf'<input[^>]*name="{name}" value="([^"]*)"[^>]*checked', html).group(1)


def test_an_empty_journal_offers_no_last_entry(person_client):
    html = person_client.get(URL).content.decode()
    assert "Start from my last entry" not in html
    assert "Started from" not in person_client.get(URL, {"start": "last"}).content.decode()


def test_the_button_names_the_day_of_the_last_entry(person_client, person, entry_of):
    entry_of(person, date=datetime.date(2026, 3, 8), upper_back=2)
    entry_of(person, date=datetime.date(2026, 3, 9), upper_back=4)
    html = person_client.get(URL).content.decode()
    assert 'href="?start=last"' in html
    assert "of Monday 9 March: where it hurt and the habits" in html


def test_it_copies_regions_and_habits_and_says_which_day(person_client, person, entry_of):
    ibuprofen = medication_create(user=person, name="Ibuprofen", dose="400 mg")
    entry_of(
        person,
        date=datetime.date(2026, 3, 9),
        upper_back=2,
        lower_back=4,
        sitting_hours=Decimal("7.5"),
        sitting_posture="hunched",
        strength_training=True,
        running_minutes=30,
        running_surface="grass",
        symptoms=["headache", "numbness", "leg_weakness"],
        radiates_to=["arms"],
        spasms=2,
        self_help=["heat"],
        medications=[{"medication": ibuprofen}],
        notes="private yesterday",
    )
    html = person_client.get(URL, {"start": "last"}).content.decode()
    assert "Started from your entry of Monday 9 March 2026" in html
    assert (checked(html, "upper_back"), checked(html, "lower_back"), checked(html, "neck")) == (
        "2",
        "4",
        "0",
    )
    assert 'name="sitting_hours" value="7.5"' in html
    assert '<option value="hunched" selected>' in html
    assert re.search(r'<input[^>]*name="strength_training"[^>]*checked', html)
    assert 'name="running_minutes" value="30"' in html and '<option value="grass" selected>' in html
    # The day's own answers start empty.
    assert not re.search(
        r'<input[^>]*name="(common_symptoms|red_flag_symptoms|radiates_to|self_help)"[^>]*checked', html
    )
    assert 'name="spasms" value="0"' in html
    assert "private yesterday" not in html
    assert 'name="intakes-INITIAL_FORMS" value="0"' in html
    assert f'<option value="{ibuprofen.pk}" selected>' not in html
    # The date stays today.
    assert f'name="date" value="{timezone.now().date():%Y-%m-%d}"' in html


def test_the_habits_and_running_sections_open_by_themselves_when_copied(person_client, person, entry_of):
    entry_of(person, date=datetime.date(2026, 3, 9), sitting_hours=Decimal("7"), running_minutes=20)
    html = person_client.get(URL, {"start": "last"}).content.decode()
    assert 'id="section-habits" open' in html and 'id="section-running" open' in html
    assert 'id="section-symptoms" open' not in html and 'id="section-notes" open' not in html
