"""A person logs entries and reads the triage advice: a panel after headache with upper-back pain,
and the emergency message first after saddle numbness, asked for once numbness is ticked."""

import re

from playwright.sync_api import expect

SADDLE = "Numbness around the genitals, buttocks or inner thighs"


def test_headache_with_upper_back_pain_shows_the_advice_panel(
    page, live_server, log_in, journal_person, screenshot
):
    log_in(journal_person)
    page.goto(f"{live_server.url}/journal/new/")
    page.get_by_role("button", name="Upper back, 0 of 10").click()
    page.locator("#id_upper_back").get_by_text("6", exact=True).click()
    page.locator("summary", has_text="Symptoms").click()
    page.get_by_label("Headache").check()
    page.get_by_role("button", name="Save entry").click()

    panel = page.get_by_role("region", name="What your entry shows")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", name="Head complaints together with back pain")).to_be_visible()
    expect(panel.get_by_text("See a doctor within the next few days")).to_be_visible()
    expect(panel.get_by_text("This is information, not a diagnosis.")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    screenshot("triage-advice-panel")

    page.get_by_role("link", name="Journal", exact=True).click()
    expect(page.get_by_text("See a doctor in a few days")).to_be_visible()
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("region", name="Advice from your recent entries")).to_be_visible()
    screenshot("triage-dashboard-advice")


def test_the_red_flag_questions_appear_when_numbness_is_ticked(
    page, live_server, log_in, journal_person, screenshot
):
    log_in(journal_person)
    page.goto(f"{live_server.url}/journal/new/")
    saddle = page.get_by_label(SADDLE)
    chest = page.get_by_label("Chest pain")
    expect(saddle).to_be_hidden()
    page.locator("summary", has_text="Symptoms").click()
    expect(chest).to_be_visible()  # the other warning signs are asked with the symptoms
    screenshot("triage-red-flag-questions-hidden")

    page.get_by_label("Numbness or tingling").check()
    expect(saddle).to_be_visible()
    page.get_by_label("Numbness or tingling").uncheck()
    expect(saddle).to_be_hidden()
    page.locator("summary", has_text="Spasms and spreading pain").click()
    page.get_by_role("checkbox", name="Legs", exact=True).check()  # pain spreading anywhere asks them too
    expect(saddle).to_be_visible()
    saddle.check()
    page.get_by_role("checkbox", name="Legs", exact=True).uncheck()
    expect(saddle).to_be_visible()  # an answered question never disappears
    page.get_by_label("Numbness or tingling").check()
    screenshot("triage-red-flag-questions")


def test_saddle_numbness_shows_the_emergency_message_first(
    page, live_server, log_in, journal_person, screenshot
):
    log_in(journal_person)
    page.goto(f"{live_server.url}/journal/new/")
    page.get_by_role("button", name="Lower back, 0 of 10").click()
    page.locator("#id_lower_back").get_by_text("5", exact=True).click()
    page.locator("summary", has_text="Symptoms").click()
    page.get_by_label("Headache").check()
    page.get_by_label("Numbness or tingling").check()
    page.get_by_label(SADDLE).check()
    page.get_by_role("button", name="Save entry").click()

    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Seek medical care now")
    expect(alert).to_contain_text("Call your local emergency number now")
    expect(alert).to_contain_text("Do not wait for a reviewer")
    panel = page.get_by_role("region", name="What your entry shows")
    headings = panel.get_by_role("heading", level=3).all_inner_texts()
    assert headings[0] == "Seek medical care now"
    assert re.match("Signs that nerves at the base of the spine", headings[1])
    first_flag = panel.get_by_role("heading", name=re.compile("^Signs that nerves"))
    assert alert.bounding_box()["y"] < first_flag.bounding_box()["y"]
    screenshot("triage-emergency")
