"""The body map works with a keyboard and speaks to screen readers: every region is a control,
Enter opens its 0-10 scale, digits and arrow keys set it, and it is heard as "Upper back, 6 of 10"."""

import re

from playwright.sync_api import expect

from journal.models import Entry


def test_the_body_map_is_used_with_the_keyboard_alone(page, live_server, log_in, journal_person, screenshot):
    log_in(journal_person)
    page.goto(f"{live_server.url}/journal/new/")
    upper = page.get_by_role("button", name="Upper back, 0 of 10")
    expect(upper).to_be_visible()
    expect(page.locator("#id_upper_back")).to_be_hidden()  # each scale waits for its region

    page.get_by_role("button", name="Neck, 0 of 10").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Shoulders, 0 of 10")).to_be_focused()
    page.keyboard.press("Tab")
    expect(upper).to_be_focused()

    page.keyboard.press("6")
    upper = page.get_by_role("button", name="Upper back, 6 of 10")
    expect(upper).to_be_focused()
    expect(page.locator("[data-body-map-status]")).to_have_text("Upper back, 6 of 10")
    expect(page.locator("#id_upper_back_6")).to_be_checked()
    expect(upper.locator(".region-value")).to_have_text("6")
    expect(upper).to_have_class(re.compile(r"\bpain-6\b"))

    page.keyboard.press("ArrowUp")
    expect(page.get_by_role("button", name="Upper back, 7 of 10")).to_be_focused()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("button", name="Upper back, 5 of 10")).to_be_focused()

    # Enter opens the scale with its chosen number focused; arrows move along it; Enter closes it.
    page.keyboard.press("Enter")
    upper = page.get_by_role("button", name="Upper back, 5 of 10")
    expect(upper).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#id_upper_back")).to_be_visible()
    expect(page.locator("#id_upper_back_5")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_upper_back_6")).to_be_checked()
    screenshot("body-map-scale-open")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Upper back, 6 of 10")).to_be_focused()
    expect(page.locator("#id_upper_back")).to_be_hidden()

    # "1" then "0" is 10; Home and End go to the ends.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Middle back, 0 of 10")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("1")
    page.keyboard.press("0")
    expect(page.get_by_role("button", name="Lower back, 10 of 10")).to_be_focused()
    page.keyboard.press("Home")
    page.keyboard.press("End")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("button", name="Lower back, 9 of 10")).to_be_focused()
    screenshot("body-map-after-keyboard")

    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Entry saved.")).to_be_visible()
    entry = Entry.objects.get(user=journal_person)
    assert (entry.neck, entry.upper_back, entry.lower_back, entry.pain) == (0, 6, 9, 9)


def test_a_tap_on_a_region_opens_its_scale_and_a_tap_on_a_number_closes_it(
    page, live_server, log_in, journal_person
):
    log_in(journal_person)
    page.goto(f"{live_server.url}/journal/new/")
    page.get_by_role("button", name="Shoulders, 0 of 10").click()
    expect(page.locator("#id_shoulders")).to_be_visible()
    page.locator("#id_shoulders").get_by_text("4", exact=True).click()
    expect(page.locator("#id_shoulders")).to_be_hidden()
    expect(page.get_by_role("button", name="Shoulders, 4 of 10")).to_be_visible()
    # One scale at a time.
    page.get_by_role("button", name="Neck, 0 of 10").click()
    page.get_by_role("button", name="Middle back, 0 of 10").click()
    expect(page.locator("#id_neck")).to_be_hidden()
    expect(page.locator("#id_middle_back")).to_be_visible()
