"""The entry form folds its sections (spasms and spreading pain, symptoms, medication and self-help,
habits, running, notes) into <details>, which open by themselves when they hold data or an error;
the red-flag questions stay outside every section."""

import re

import pytest
from django.urls import reverse

from tests.factories import entry_post_data

URL = reverse("journal:entry-create")
SECTIONS = ["spreading", "symptoms", "medication", "habits", "running", "notes"]


def opened(html):
    return [
        key
        for key in SECTIONS
        if re.search(rf'<details class="entry-section" id="section-{key}" open>', html)
    ]


def test_a_new_form_shows_every_section_closed_in_order(person_client):
    html = person_client.get(URL).content.decode()
    found = re.findall(r'<details class="entry-section" id="section-(\w+)"', html)
    assert found == SECTIONS
    assert opened(html) == []
    for title in (
        "Spasms and spreading pain",
        "Symptoms",
        "Medication and self-help",
        "Habits of the day",
        "I ran today",
        "Notes",
    ):
        assert f"<summary>{title}</summary>" in html


@pytest.mark.parametrize(
    ("fields", "section"),
    [
        ({"spasms": "2"}, "spreading"),
        ({"radiates_to": ["arms"]}, "spreading"),
        ({"common_symptoms": ["headache"]}, "symptoms"),
        ({"other_red_flag_symptoms": ["fever"]}, "symptoms"),
        ({"painkillers": "on"}, "medication"),
        ({"self_help": ["heat"]}, "medication"),
        ({"sitting_hours": "0"}, "habits"),
        ({"shoulder_load": "on"}, "habits"),
        ({"running_minutes": "25"}, "running"),
        ({"running_minutes": "30", "warmed_up": "false"}, "running"),
        ({"notes": "stiff"}, "notes"),
    ],
)
def test_a_section_holding_data_opens_by_itself_on_the_edit_page(person_client, fields, section):
    # Saved, then opened for editing: what the stored entry holds decides.
    response = person_client.post(URL, entry_post_data(**fields))
    assert response.status_code == 302, response.context["form"].errors
    html = person_client.get(response["Location"].rstrip("/") + "/edit/").content.decode()
    assert opened(html) == [section]


def test_a_section_holding_an_error_opens_by_itself(person_client):
    html = person_client.post(URL, entry_post_data(sitting_hours="30", notes="fine")).content.decode()
    assert opened(html) == ["habits", "notes"]


def test_the_red_flag_questions_sit_outside_every_section(person_client):
    html = person_client.get(URL).content.decode()
    block = html.index('id="red-flag-questions"')
    closing_before = html.rfind("</details>", 0, block)
    opening_before = html.rfind("<details", 0, block)
    assert opening_before < closing_before, "the last section before them is closed again"
    assert "saddle_numbness" in html[block : html.index("</fieldset>", block)]
