"""The time-zone list offers the real places, grouped by region, not the database's 600 raw names;
each option knows the older names browsers may report, and a person's earlier choice stays."""

import re

import pytest
from django.urls import reverse

from accounts.time_zones import time_zone_choices
from tests.factories import UserFactory

SIGNUP = reverse("account_signup")
PROFILE = reverse("accounts:profile")


def options(html):
    select = re.search(r'<select name="time_zone".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]+)"', select)


def groups(html):
    return re.findall(r'<optgroup label="([^"]+)">', html)


@pytest.mark.parametrize("url", [SIGNUP, PROFILE])
def test_the_list_offers_places_grouped_by_region_with_utc_first(client, db, url):
    client.force_login(UserFactory())
    if url == SIGNUP:
        client.logout()
    html = client.get(url).content.decode()
    names = options(html)
    assert names[0] == "UTC"
    assert groups(html) == [
        "Africa", "Americas", "Antarctica", "Arctic", "Asia", "Atlantic Ocean",
        "Australia", "Europe", "Indian Ocean", "Pacific Ocean",
    ]  # fmt: skip
    assert {"Europe/Berlin", "Europe/Amsterdam", "Asia/Kolkata", "America/Argentina/Buenos_Aires"} <= set(
        names
    )
    assert not {"Factory", "localtime", "US/Eastern", "Asia/Calcutta", "Etc/GMT+5", "GB", "EST5EDT"} & set(
        names
    )
    assert 350 < len(names) < 500
    assert "data-detect-time-zone" in html


def test_each_place_is_named_by_its_city_within_its_region():
    regions = dict(time_zone_choices()[1:])
    assert ("America/Argentina/Buenos_Aires", "Argentina – Buenos Aires") in regions["Americas"]
    assert ("Europe/Berlin", "Berlin") in regions["Europe"]
    europe = [label for _, label in regions["Europe"]]
    assert europe == sorted(europe)


def test_an_option_carries_the_older_names_a_browser_may_report(client, db):
    html = client.get(SIGNUP).content.decode()
    kolkata = re.search(r'<option value="Asia/Kolkata"[^>]*>', html).group(0)
    assert re.search(r'data-aliases="[^"]*\bAsia/Calcutta\b', kolkata)
    new_york = re.search(r'<option value="America/New_York"[^>]*>', html).group(0)
    assert re.search(r'data-aliases="[^"]*\bUS/Eastern\b', new_york)


def test_a_zone_chosen_before_the_list_was_trimmed_stays_and_is_kept_on_saving(client, db):
    person = UserFactory(time_zone="US/Eastern")
    client.force_login(person)
    html = client.get(PROFILE).content.decode()
    assert '<optgroup label="Your current setting">' in html
    assert re.search(r'<option value="US/Eastern"[^>]*selected', html)
    client.post(PROFILE, {"hemisphere": "south", "time_zone": "US/Eastern"})
    person.refresh_from_db()
    assert (person.hemisphere, person.time_zone) == ("south", "US/Eastern")


def test_a_name_outside_the_list_is_refused_at_sign_up(client, db):
    page = client.post(SIGNUP, {"username": "jo", "time_zone": "Factory"})
    assert page.context["form"].errors["time_zone"]
