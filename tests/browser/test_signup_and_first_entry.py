"""A new person signs up, confirms the e-mail address, logs an entry with two regions and finds it on
the dashboard and in the list."""

import re

from django.core import mail
from playwright.sync_api import expect


def test_a_new_person_signs_up_logs_an_entry_and_sees_it(page, live_server, screenshot):
    page.goto(live_server.url)
    page.get_by_role("link", name="Sign up").first.click()

    page.get_by_label("E-mail address").fill("newperson@example.org")
    page.get_by_label(re.compile(r"^\s*Password\W*$")).fill("correct-horse-battery")
    page.get_by_label("Password again").fill("correct-horse-battery")
    page.get_by_label("Hemisphere").select_option("south")
    page.get_by_label(re.compile("I agree that this site stores")).check()
    screenshot("signup-form")
    page.get_by_role("button", name="Create account").click()

    # The journal opens once the address is confirmed through the link in the mail.
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    screenshot("signup-check-your-email")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name=re.compile("^Today, "))).to_be_visible()
    expect(page.get_by_text("You have not logged anything today yet.")).to_be_visible()
    page.get_by_role("link", name="Log now").click()

    page.get_by_role("button", name="Upper back, 0 of 10").click()
    page.locator("#id_upper_back").get_by_text("6", exact=True).click()
    page.get_by_role("button", name="Lower back, 0 of 10").click()
    page.locator("#id_lower_back").get_by_text("3", exact=True).click()
    page.locator("summary", has_text="Notes").click()
    page.get_by_label("Notes").fill("Long day at the desk.")
    page.get_by_role("button", name="Save entry").click()

    expect(page.get_by_text("Entry saved.")).to_be_visible()
    expect(page.get_by_role("cell", name="Upper back (between the shoulder blades)")).to_be_visible()
    screenshot("entry-saved")

    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_text("You logged 1 entry today.")).to_be_visible()
    latest = page.get_by_role("region", name="Your last entries")
    expect(latest.get_by_text("Upper back (between the shoulder blades) 6 · Lower back 3")).to_be_visible()
    screenshot("dashboard-after-first-entry")

    page.get_by_role("link", name="Journal", exact=True).click()
    expect(page.get_by_text("1 entry")).to_be_visible()
    expect(page.get_by_text("6/10")).to_be_visible()
    screenshot("journal-list-after-first-entry")
