"""A person with four months of entries reads what their journal tells them, at desktop and phone
size; on a phone the dashboard's first screen holds today, and "No pain today" works in one tap."""

from playwright.sync_api import expect

from accounts.selectors import user_today
from front.services import entry_create
from journal.demo import demo_entries

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def four_months(person):
    for data in demo_entries(today=user_today(user=person)):
        entry_create(user=person, data=data)


def test_the_insights_page_reads_at_desktop_and_phone_size(
    page, live_server, log_in, journal_person, screenshot
):
    four_months(journal_person)
    page.set_viewport_size(DESKTOP)
    log_in(journal_person)
    page.get_by_role("link", name="What your journal tells you").click()

    expect(page.get_by_role("heading", name="What your journal tells you", level=1)).to_be_visible()
    chart = page.get_by_role("img", name="Pain over time: the whole back")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] > 1000
    page.locator("label", has_text="90 days").click()
    page.get_by_role("button", name="Show").click()
    expect(page.locator("p.lead")).to_contain_text("of 90 days")
    expect(page.get_by_role("img", name="Where it hurts")).to_be_visible()
    expect(page.get_by_role("heading", name="Sitting hunched rather than upright")).to_be_visible()
    table = page.get_by_role("table", name="Highest pain per logged day")
    expect(table).to_be_hidden()
    page.get_by_text("The figures as a table").first.click()
    expect(table).to_be_visible()
    screenshot("insights-desktop")

    page.set_viewport_size(PHONE)
    page.get_by_label("Pain over time for").select_option("lower_back")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="Pain over time: lower back")).to_be_visible()
    # Nothing wider than the phone: the page scrolls down, never sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot("insights-phone")


def test_on_a_phone_the_first_screen_holds_today_and_no_pain_today_works(
    page, live_server, log_in, journal_person, screenshot
):
    four_months(journal_person)
    page.set_viewport_size(PHONE)
    log_in(journal_person)
    for name in ("Log now", "No pain today"):
        button = page.get_by_role("link", name=name).or_(page.get_by_role("button", name=name))
        box = button.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], f"{name} is below the first screen"
    screenshot("dashboard-phone-first-screen", full_page=False)

    page.get_by_role("button", name="No pain today").click()
    expect(page.get_by_text("Noted: no pain today.")).to_be_visible()
    expect(page.get_by_text("You noted a pain-free entry today.")).to_be_visible()
    expect(page.get_by_role("button", name="No pain today")).to_have_count(0)
