"""The sign-up and profile forms preselect the browser's own time zone in the list of real zones,
found even when the browser reports it by an older name, and say so."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("device_zone", "listed"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ],
)
def test_sign_up_preselects_the_devices_zone(browser, live_server, device_zone, listed, screenshot):
    context = browser.new_context(timezone_id=device_zone)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")
    expect(page.get_by_label("Time zone")).to_have_value(listed)
    expect(page.get_by_text("Chosen from this device's settings:")).to_be_visible()
    if device_zone == "Europe/Berlin":
        screenshot("signup-time-zone-preselected", page)
    context.close()


def test_the_profile_preselects_it_only_over_the_default(page_of, live_server, transactional_db):
    for username, stored, shown in (("utc", "UTC", "Europe/Berlin"), ("tokyo", "Asia/Tokyo", "Asia/Tokyo")):
        page = page_of(UserFactory(username=username, time_zone=stored), timezone_id="Europe/Berlin")
        page.goto(f"{live_server.url}/accounts/profile/")
        expect(page.get_by_label("Time zone")).to_have_value(shown)
