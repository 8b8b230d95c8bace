"""A person switches on the daily reminder from their account page and gets a calendar feed."""

from playwright.sync_api import expect


def test_a_person_switches_the_reminder_on_and_creates_a_calendar_feed(
    page, live_server, log_in, journal_person, screenshot
):
    log_in(journal_person)
    page.get_by_role("link", name="Account (robin)").click()
    expect(page.get_by_text("Daily e-mail reminder: off.")).to_be_visible()
    page.get_by_role("link", name="Change reminders").click()
    page.get_by_label("Send me a daily e-mail reminder").check()
    page.get_by_label("At").select_option("07:30")
    page.get_by_role("button", name="Save reminder").click()
    expect(page.get_by_text("Daily reminder on, at 07:30 your time.")).to_be_visible()
    page.get_by_role("button", name="Create my calendar feed").click()
    address = page.get_by_label("Address to subscribe to in your calendar app")
    expect(address).to_have_value(
        f"http://localhost:8000/reminders/calendar/{journal_person.reminder_plan.feed_token}.ics"
    )
    screenshot("reminders-settings")
    page.get_by_role("link", name="Back to your account").click()
    expect(page.get_by_text("Daily e-mail reminder: on, at 07:30 your time.")).to_be_visible()
