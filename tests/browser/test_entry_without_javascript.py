"""Without JavaScript the entry form is still complete: the 0-10 strips stand in for the body map,
the sections open as plain <details>, the warning signs are asked, empty rows take the medicines,
and every field is saved."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from journal.models import Entry
from journal.services import medication_create


@pytest.fixture
def no_script_page(page_of, journal_person):
    return page_of(journal_person, java_script_enabled=False)


def open_section(page, title):
    page.locator("summary", has_text=title).click()


def test_every_field_is_saved_without_javascript(no_script_page, live_server, journal_person, screenshot):
    page = no_script_page
    ibuprofen = medication_create(user=journal_person, name="Ibuprofen", dose="400 mg")
    page.goto(f"{live_server.url}/journal/new/")
    expect(page.locator("[data-body-map]")).to_be_hidden()
    for region in ("neck", "shoulders", "upper_back", "middle_back", "lower_back"):
        expect(page.locator(f"#id_{region}")).to_be_visible()
    expect(page.get_by_role("button", name="Took Ibuprofen · 400 mg")).to_be_hidden()

    yesterday = timezone.now().date() - datetime.timedelta(days=1)
    page.get_by_label("Date").fill(yesterday.isoformat())
    page.get_by_label("Time", exact=True).fill("21:30")
    for region, value in (
        ("neck", "1"),
        ("shoulders", "2"),
        ("upper_back", "6"),
        ("middle_back", "3"),
        ("lower_back", "10"),
    ):
        page.locator(f"label[for=id_{region}_{value}]").click()

    open_section(page, "Spasms and spreading pain")
    page.get_by_label("Spasm episodes").fill("2")
    page.get_by_label("Arms").check()
    open_section(page, "Symptoms")
    page.get_by_label("Headache").check()
    page.get_by_label("Numbness or tingling").check()
    page.get_by_label("Fever").check()
    page.get_by_label("New weakness in one or both legs").check()  # asked outside every section

    open_section(page, "Medication and self-help")
    page.get_by_label("Which").first.select_option(str(ibuprofen.pk))
    page.locator("#id_intakes-0-time").fill("08:15")
    page.locator("#id_intakes-0-relief").select_option("4")
    page.get_by_label("Heat").check()
    page.get_by_label("Stretching").check()

    open_section(page, "Habits of the day")
    page.get_by_label("Hours sitting at a screen").fill("7.5")
    page.get_by_label("Sitting posture").select_option("hunched")
    page.get_by_label("Minutes of other movement").fill("20")
    page.get_by_label("Carried heavy or one-sided loads on the shoulders").check()
    page.get_by_label("Pulled the shoulders up against the cold").check()
    page.get_by_label("Did strength training").check()

    open_section(page, "I ran today")
    page.get_by_label("Minutes running").fill("30")
    page.get_by_label("Running surface").select_option("grass")
    page.get_by_label("Warmed up before running").select_option("true")
    page.get_by_label("Stretched after running").select_option("false")
    page.get_by_label("Running shoes fit well").select_option("true")

    open_section(page, "Notes")
    page.get_by_label("Notes").fill("Logged without JavaScript.")
    screenshot("entry-form-without-javascript", page)
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Entry saved.")).to_be_visible()

    entry = Entry.objects.get(user=journal_person)
    assert (entry.date, entry.time) == (yesterday, datetime.time(21, 30))
    assert (entry.neck, entry.shoulders, entry.upper_back, entry.middle_back, entry.lower_back) == (
        1,
        2,
        6,
        3,
        10,
    )
    assert (entry.spasms, entry.radiates_to) == (2, ["arms"])
    assert entry.symptoms == ["headache", "numbness", "leg_weakness", "fever"]
    assert entry.painkillers and entry.self_help == ["heat", "stretching"]
    assert list(entry.intakes.values_list("medication", "name", "dose", "time", "relief")) == [
        (ibuprofen.pk, "Ibuprofen", "400 mg", datetime.time(8, 15), 4)
    ]
    assert (entry.sitting_hours, entry.sitting_posture, entry.other_movement_minutes) == (
        Decimal("7.5"),
        "hunched",
        20,
    )
    assert entry.shoulder_load and entry.shoulders_raised_cold and entry.strength_training
    assert (entry.running_minutes, entry.running_surface) == (30, "grass")
    assert (entry.warmed_up, entry.stretched_after, entry.shoes_fit) == (True, False, True)
    assert entry.notes == "Logged without JavaScript."
