"""Logging a typical day on a phone is quick: from "start from my last entry", upper back 3, lower
back 5, seven hours sitting hunched and heat take at most six taps and no typing; the folded form
shows at most 20 controls with Save within two screen heights."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from journal.models import Entry
from tests.factories import EntryFactory

PHONE = {"width": 390, "height": 844}

# Everything in the page's main part a person can tap or type into, counted only while it is shown:
# not hidden, not inside a closed section (whose content the browser does not render), not a strip
# waiting for its region.
VISIBLE_CONTROLS = """() => Array.from(document.querySelectorAll(
    "main a[href], main button, main input:not([type=hidden]), main select, main textarea, "
    + "main summary, main [tabindex='0']"
)).filter((element) => element.checkVisibility({visibilityProperty: true})).length"""


@pytest.fixture
def phone(page_of, journal_person):
    """A phone-sized, touch-driven page, logged in as the journal person."""
    return page_of(journal_person, viewport=PHONE, has_touch=True, is_mobile=True)


@pytest.fixture
def yesterday_entry(journal_person):
    yesterday = timezone.now().date() - datetime.timedelta(days=1)
    return EntryFactory(
        user=journal_person,
        date=yesterday,
        upper_back=2,
        lower_back=4,
        sitting_hours=Decimal("7"),
        sitting_posture="hunched",
        symptoms=["headache"],
        notes="Yesterday's words",
    )


class Taps:
    """Every tap of the test goes through here, so the count is what a person would do."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        locator.tap()
        self.count += 1


def test_a_typical_day_takes_six_taps_after_starting_from_the_last_entry(
    phone, live_server, journal_person, yesterday_entry, screenshot
):
    phone.goto(f"{live_server.url}/journal/new/")
    expect(phone.get_by_role("button", name="Upper back, 0 of 10")).to_be_visible()
    assert phone.evaluate(VISIBLE_CONTROLS) <= 20
    save = phone.get_by_role("button", name="Save entry").bounding_box()
    assert save["y"] + save["height"] <= 2 * PHONE["height"]
    screenshot("entry-form-phone-folded", phone)

    phone.get_by_role("link", name="Start from my last entry").tap()
    expect(phone.get_by_role("status").filter(has_text="Started from your entry of")).to_contain_text(
        f"{yesterday_entry.date:%A} {yesterday_entry.date.day} {yesterday_entry.date:%B}"
    )
    expect(phone.get_by_role("button", name="Upper back, 2 of 10")).to_be_visible()

    tap = Taps()
    tap(phone.get_by_role("button", name=re.compile("^Upper back,")))
    tap(phone.locator("#id_upper_back").get_by_text("3", exact=True))
    tap(phone.get_by_role("button", name=re.compile("^Lower back,")))
    tap(phone.locator("#id_lower_back").get_by_text("5", exact=True))
    tap(phone.locator("summary", has_text="Medication and self-help"))
    tap(phone.get_by_label("Heat"))
    assert tap.count <= 6

    expect(phone.get_by_role("button", name="Upper back, 3 of 10")).to_be_visible()
    expect(phone.get_by_role("button", name="Lower back, 5 of 10")).to_be_visible()
    # The habits came along, in a section that opened by itself; the symptoms and notes did not.
    expect(phone.get_by_label("Hours sitting at a screen")).to_have_value("7.0")
    expect(phone.get_by_label("Sitting posture")).to_have_value("hunched")
    expect(phone.get_by_label("Headache")).not_to_be_visible()
    for summary in ("Spasms and spreading pain", "Symptoms", "I ran today", "Notes"):
        phone.locator("summary", has_text=summary).tap()
    screenshot("entry-form-phone-unfolded", phone)
    expect(phone.get_by_label("Headache")).not_to_be_checked()
    expect(phone.get_by_label("Notes")).to_have_value("")

    phone.get_by_role("button", name="Save entry").tap()
    expect(phone.get_by_text("Entry saved.")).to_be_visible()
    entry = Entry.objects.exclude(pk=yesterday_entry.pk).get(user=journal_person)
    assert (entry.upper_back, entry.lower_back, entry.neck) == (3, 5, 0)
    assert (entry.sitting_hours, entry.sitting_posture) == (Decimal("7"), "hunched")
    assert entry.self_help == ["heat"]
    assert entry.symptoms == [] and entry.notes == ""
    assert entry.date == timezone.now().date()
