"""A person puts their medicines on their list, records one on an entry in a single tap (its usual
dose and the time filled in), and later rates how much it helped from the entry's page."""

import re

from playwright.sync_api import expect

from journal.models import Entry


def test_a_medicine_is_listed_taken_in_one_tap_and_rated_later(
    page, live_server, log_in, journal_person, screenshot
):
    log_in(journal_person)
    page.goto(f"{live_server.url}/medications/")
    expect(page.get_by_text("Your list is empty.")).to_be_visible()
    for name, dose in (("Ibuprofen", "400 mg"), ("Paracetamol", "500 mg")):
        page.get_by_label("Name").fill(name)
        page.get_by_label("Usual dose").fill(dose)
        page.get_by_role("button", name="Add to my list").click()
        expect(page.get_by_text(f"{name} is on your list.")).to_be_visible()
    screenshot("medication-list")

    page.goto(f"{live_server.url}/journal/new/")
    page.locator("summary", has_text="Medication and self-help").click()
    expect(page.get_by_role("group", name="Medication 1")).to_be_hidden()  # empty rows wait for a tap
    page.get_by_role("button", name="Took Ibuprofen · 400 mg").click()
    row = page.get_by_role("group", name="Medication 1")
    expect(row.get_by_label("Which")).to_have_value(re.compile(r"^\d+$"))
    expect(row.get_by_label("Dose")).to_have_value("400 mg")
    expect(row.get_by_label("Time taken")).to_have_value(re.compile(r"^\d\d:\d\d$"))
    expect(page.get_by_label("I took painkillers")).to_be_checked()
    page.get_by_role("button", name="Took Paracetamol · 500 mg").click()
    page.get_by_role("button", name="Took Paracetamol · 500 mg").click()
    expect(page.get_by_role("group", name="Medication 3")).to_be_visible()  # beyond the rows sent
    page.get_by_role("group", name="Medication 3").get_by_label("Dose").fill("1000 mg")
    screenshot("entry-form-medication-taken")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Entry saved.")).to_be_visible()

    entry = Entry.objects.get(user=journal_person)
    assert entry.painkillers
    assert sorted(entry.intakes.values_list("name", "dose")) == [
        ("Ibuprofen", "400 mg"),
        ("Paracetamol", "1000 mg"),
        ("Paracetamol", "500 mg"),
    ]
    expect(page.get_by_text("Taking painkillers for the pain")).to_be_visible()

    ibuprofen = page.get_by_role("group", name=re.compile("^Ibuprofen at"))
    ibuprofen.get_by_role("button", name="6 of 10").click()
    expect(page.get_by_text("Saved how much it helped.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Ibuprofen, 400 mg, at \d\d:\d\d: helped 6 of 10"))).to_be_visible()
    screenshot("entry-page-medication-rated")
    assert entry.intakes.get(name="Ibuprofen").relief == 6
