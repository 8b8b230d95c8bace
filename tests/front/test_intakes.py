"""The medicines taken are recorded on the entry: which (from the person's list), dose (the usual
one unless changed), time, and how much it helped, often rated later from the entry's page. Any
intake means "took painkillers", which the painkiller_use rule reads as before."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from front.services import entry_create, entry_update
from journal.models import Entry, Intake
from journal.services import medication_create, medication_delete, medication_update
from tests.factories import entry_post_data
from triage.models import Flag

CREATE = reverse("journal:entry-create")


@pytest.fixture
def ibuprofen(person):
    return medication_create(user=person, name="Ibuprofen", dose="400 mg")


@pytest.fixture
def paracetamol(person):
    return medication_create(user=person, name="Paracetamol", dose="500 mg")


def text(response):
    """What the page says, without its tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def intakes_of(entry):
    return list(entry.intakes.values_list("name", "dose", "time", "relief"))


def test_an_intake_from_the_list_takes_the_usual_dose_and_means_painkillers(person_client, person, ibuprofen):
    response = person_client.post(
        CREATE, entry_post_data(upper_back="4", intakes=[{"medication": ibuprofen.pk, "time": "09:00"}])
    )
    assert response.status_code == 302
    entry = Entry.objects.get(user=person)
    assert intakes_of(entry) == [("Ibuprofen", "400 mg", datetime.time(9, 0), None)]
    assert entry.intakes.get().medication == ibuprofen
    assert entry.painkillers, "ticked by the intake alone"
    assert Flag.objects.filter(entry=entry, rule_id="painkiller_use").exists()


def test_a_changed_dose_and_a_relief_are_kept_as_typed(person_client, person, ibuprofen, paracetamol):
    person_client.post(
        CREATE,
        entry_post_data(
            intakes=[
                {"medication": paracetamol.pk, "dose": "1000 mg", "time": "21:15", "relief": "7"},
                {"medication": ibuprofen.pk, "time": "08:00"},
            ]
        ),
    )
    entry = Entry.objects.get(user=person)
    assert intakes_of(entry) == [
        ("Ibuprofen", "400 mg", datetime.time(8, 0), None),
        ("Paracetamol", "1000 mg", datetime.time(21, 15), 7),
    ]


def test_painkillers_alone_stay_possible_without_saying_which(person_client, person):
    person_client.post(CREATE, entry_post_data(painkillers="on"))
    entry = Entry.objects.get(user=person)
    assert entry.painkillers and not entry.intakes.exists()


def test_the_entry_page_shows_the_intakes_and_rates_relief_later_in_one_tap(person_client, person, ibuprofen):
    entry = entry_create(
        user=person,
        data={
            "date": datetime.date(2026, 3, 10),
            "medications": [{"medication": ibuprofen, "time": datetime.time(9)}],
        },
    )
    response = person_client.get(entry.get_absolute_url())
    assert "Ibuprofen, 400 mg, at 09:00: how much it helped not rated yet" in text(response)
    intake = entry.intakes.get()
    url = reverse("journal:intake-relief", args=[intake.pk])
    assert f'action="{url}"' in response.content.decode()

    response = person_client.post(url, {"relief": "6"}, follow=True)
    assert response.redirect_chain[-1][0] == entry.get_absolute_url()
    assert "Ibuprofen, 400 mg, at 09:00: helped 6 of 10" in text(response)
    intake.refresh_from_db()
    assert intake.relief == 6


@pytest.mark.parametrize("relief", ["11", "-1", "a lot", ""])
def test_a_relief_outside_0_to_10_is_refused_and_changes_nothing(person_client, person, ibuprofen, relief):
    entry = entry_create(
        user=person,
        data={"date": datetime.date(2026, 3, 10), "medications": [{"medication": ibuprofen, "relief": 4}]},
    )
    intake = entry.intakes.get()
    response = person_client.post(
        reverse("journal:intake-relief", args=[intake.pk]), {"relief": relief}, follow=True
    )
    assert "Please choose how much it helped, from 0 to 10." in response.content.decode()
    intake.refresh_from_db()
    assert intake.relief == 4


def test_the_edit_form_shows_the_intakes_and_saves_a_removal_and_a_change(
    person_client, person, ibuprofen, paracetamol
):
    entry = entry_create(
        user=person,
        data={
            "date": datetime.date(2026, 3, 10),
            "medications": [
                {"medication": ibuprofen, "time": datetime.time(8)},
                {"medication": paracetamol, "time": datetime.time(20)},
            ],
        },
    )
    url = reverse("journal:entry-update", args=[entry.pk])
    html = person_client.get(url).content.decode()
    assert re.search(rf'<option value="{ibuprofen.pk}" selected>Ibuprofen 400 mg</option>', html)
    assert 'name="intakes-1-time" value="20:00"' in html
    assert 'name="intakes-INITIAL_FORMS" value="2"' in html

    person_client.post(
        url,
        entry_post_data(
            recorded=2,
            intakes=[
                {"medication": ibuprofen.pk, "dose": "400 mg", "time": "08:00", "relief": "5"},
                {"medication": paracetamol.pk, "dose": "500 mg", "time": "20:00", "DELETE": "on"},
            ],
        ),
    )
    assert intakes_of(entry) == [("Ibuprofen", "400 mg", datetime.time(8), 5)]


def test_an_intake_keeps_what_was_taken_when_the_list_changes_later(person_client, person, ibuprofen):
    entry = entry_create(
        user=person, data={"date": datetime.date(2026, 3, 10), "medications": [{"medication": ibuprofen}]}
    )
    medication_update(medication=ibuprofen, name="Ibuprofen retard", dose="800 mg")
    assert intakes_of(entry) == [("Ibuprofen", "400 mg", None, None)]
    medication_delete(medication=ibuprofen)
    assert intakes_of(entry) == [("Ibuprofen", "400 mg", None, None)]

    url = reverse("journal:entry-update", args=[entry.pk])
    assert "Ibuprofen (as recorded)" in person_client.get(url).content.decode()
    person_client.post(
        url, entry_post_data(recorded=1, intakes=[{"medication": "", "dose": "400 mg", "relief": "3"}])
    )
    assert intakes_of(entry) == [("Ibuprofen", "400 mg", None, 3)]


def test_an_intake_without_a_medication_is_reported_and_nothing_is_lost(person_client, person, ibuprofen):
    page = person_client.post(
        CREATE, entry_post_data(notes="keep me", intakes=[{"medication": "", "time": "09:00", "relief": "4"}])
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "Medication 1, which</a>: Which medication did you take?" in html
    assert "keep me" in html and 'name="intakes-0-time" value="09:00"' in html
    assert not Entry.objects.exists()


def test_another_persons_medication_cannot_be_recorded(person_client, person, other_person):
    theirs = medication_create(user=other_person, name="Tramadol", dose="50 mg")
    page = person_client.post(CREATE, entry_post_data(intakes=[{"medication": theirs.pk}]))
    assert page.status_code == 200
    assert "Tramadol" not in page.content.decode()
    assert not Entry.objects.exists()
    with pytest.raises(ValidationError, match="not on your list"):
        entry_create(
            user=person, data={"date": datetime.date(2026, 3, 10), "medications": [{"medication": theirs}]}
        )
    assert not Intake.objects.exists()


def test_another_persons_intake_answers_404(person_client, other_person):
    theirs = medication_create(user=other_person, name="Tramadol", dose="50 mg")
    entry = entry_create(
        user=other_person, data={"date": datetime.date(2026, 3, 10), "medications": [{"medication": theirs}]}
    )
    intake = entry.intakes.get()
    assert (
        person_client.post(reverse("journal:intake-relief", args=[intake.pk]), {"relief": "1"}).status_code
        == 404
    )
    intake.refresh_from_db()
    assert intake.relief is None


def test_an_intake_given_by_name_is_linked_to_the_list_item_of_that_name(person, ibuprofen):
    entry = entry_create(
        user=person,
        data={"date": datetime.date(2026, 3, 10), "medications": [{"name": "IBUPROFEN", "dose": "200 mg"}]},
    )
    intake = entry.intakes.get()
    assert (intake.name, intake.dose, intake.medication) == ("IBUPROFEN", "200 mg", ibuprofen)


def test_an_edit_without_intakes_keeps_them_and_painkillers(person, ibuprofen):
    entry = entry_create(
        user=person, data={"date": datetime.date(2026, 3, 10), "medications": [{"medication": ibuprofen}]}
    )
    entry_update(entry=entry, data={"painkillers": False, "lower_back": 2})
    entry.refresh_from_db()
    assert entry.painkillers and entry.intakes.count() == 1
