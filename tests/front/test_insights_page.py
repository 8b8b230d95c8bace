"""The insights page: pain over time with its axis, dates, flagged days and average, per region on
demand; the body map; seasons; habits with "too little data"; each chart with a table; the
periods; an empty period; a fixed number of queries."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.services import profile_update
from front.services import entry_update
from journal.models import Entry
from journal.vocabulary import Season
from tests.factories import UserFactory

URL = reverse("journal:insights")
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    moment = datetime.datetime(2026, 11, 23, 18, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


def ago(days):
    return TODAY - datetime.timedelta(days=days)


def text(response):
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def test_it_says_which_days_it_covers_and_how_many_were_logged(person_client, person, entry_of):
    entry_of(person, date=ago(0), upper_back=4)
    entry_of(person, date=ago(0), upper_back=6)  # the same day
    entry_of(person, date=ago(40), upper_back=2)  # outside the default 30 days
    page = text(person_client.get(URL))
    assert "From 25 October 2026 to 23 November 2026: you logged 1 of 30 days." in page


@pytest.mark.parametrize(
    ("days", "first"), [("30", "25 October 2026"), ("90", "26 August 2026"), ("365", "24 November 2025")]
)
def test_each_period_ends_today(person_client, person, entry_of, days, first):
    entry_of(person, date=ago(0), upper_back=4)
    assert f"From {first} to 23 November 2026" in text(person_client.get(URL, {"days": days}))


def test_all_starts_with_the_first_entry(person_client, person, entry_of):
    entry_of(person, date=ago(500), upper_back=4)
    entry_of(person, date=ago(0), upper_back=4)
    page = text(person_client.get(URL, {"days": "all"}))
    assert "From 11 July 2025 to 23 November 2026: you logged 2 of 501 days." in page


def test_the_chart_has_a_0_to_10_axis_dates_bars_an_average_and_marks_flagged_days(
    person_client, person, entry_of
):
    entry_of(person, date=ago(3), upper_back=5, painkillers=True)  # flagged
    entry_of(person, date=ago(2), upper_back=3)
    page = person_client.get(URL).content.decode()
    chart = page[page.index('<svg class="period-chart"') : page.index("</svg>", page.index("period-chart"))]
    assert [int(label) for label in re.findall(r'text-anchor="end">(\d+)</text>', chart)] == [
        0,
        2,
        4,
        6,
        8,
        10,
    ]
    assert re.findall(r">(\d+ \w{3})</text>", chart)  # dates under the bars (Mondays of the month)
    assert "Fri 20 Nov 2026: 5/10" in chart and "Sat 21 Nov 2026: 3/10" in chart
    assert chart.count("<polyline") == 1
    assert "Fri 20 Nov 2026: advice to see a doctor" in chart
    assert "Sat 21 Nov 2026: advice" not in chart


def test_a_day_whose_advice_was_withdrawn_is_not_marked(person_client, person, entry_of):
    entry = entry_of(person, date=ago(3), upper_back=5, painkillers=True)
    entry_update(entry=entry, data={"painkillers": False})
    assert "advice to see a doctor</title>" not in person_client.get(URL).content.decode()


def test_the_chart_has_a_table_of_the_same_figures(person_client, person, entry_of):
    entry_of(person, date=ago(3), upper_back=5, painkillers=True)
    entry_of(person, date=ago(2), upper_back=3)
    page = text(person_client.get(URL))
    assert "<summary>The figures as a table</summary>" in page
    assert "<tr><td>Fri 20 Nov 2026</td><td>5/10</td><td>5.0</td><td>yes</td></tr>" in page
    assert "<tr><td>Sat 21 Nov 2026</td><td>3/10</td><td>4.0</td><td></td></tr>" in page


def test_a_region_shows_its_own_pain_over_time(person_client, person, entry_of):
    entry_of(person, date=ago(1), upper_back=7, lower_back=2)
    page = text(person_client.get(URL, {"region": "lower_back"}))
    assert "Pain over time: lower back" in page
    assert "<tr><td>Sun 22 Nov 2026</td><td>2/10</td>" in page


def test_the_body_map_is_shaded_by_each_regions_average_with_the_days_it_hurt(
    person_client, person, entry_of
):
    entry_of(person, date=ago(1), upper_back=8, neck=2)
    entry_of(person, date=ago(2), upper_back=9)
    page = text(person_client.get(URL))
    body_map = page[page.index('<svg class="insight-map"') :]
    assert re.search(
        r'class="insight-region shade-5"[^>]*><title>Upper back \(between the shoulder blades\): '
        r"average 8.5, hurt on 2 days",
        body_map,
    )
    assert re.search(
        r'class="insight-region shade-1"[^>]*><title>Neck: average 1.0, hurt on 1 day<', body_map
    )
    assert "Lower back</th><td>0.0</td><td>0 of 2</td>" in page


def test_seasons_follow_the_hemisphere_and_change_with_it(person_client, person, entry_of):
    entry_of(person, date=datetime.date(2026, 7, 10), upper_back=6)
    entry_of(person, date=ago(1), upper_back=2)
    page = text(person_client.get(URL, {"days": "365"}))
    assert '<th scope="row">Summer</th><td>6.0</td><td>1</td>' in page
    assert '<th scope="row">Autumn</th><td>2.0</td><td>1</td>' in page
    profile_update(user=person, hemisphere="south", time_zone="UTC")
    page = text(person_client.get(URL, {"days": "365"}))
    assert '<th scope="row">Winter</th><td>6.0</td><td>1</td>' in page
    assert '<th scope="row">Spring</th><td>2.0</td><td>1</td>' in page


def test_a_habit_with_too_few_days_says_so_instead_of_a_number(person_client, person, entry_of):
    for n in range(5):
        entry_of(person, date=ago(n), upper_back=5, sitting_posture="hunched" if n < 2 else "upright")
    page = text(person_client.get(URL))
    assert "Too little data to compare: 2 days “sat hunched” and 3 “sat upright”." in page


def test_a_habit_with_enough_days_is_compared_in_words_as_a_link_not_a_cause(person_client, person, entry_of):
    for n in range(8):
        entry_of(
            person,
            date=ago(n),
            upper_back=7 if n < 4 else 2,
            sitting_posture="hunched" if n < 4 else "upright",
        )
    page = text(person_client.get(URL))
    assert "These are links in your journal, not causes" in page
    assert '<th scope="row">Sat hunched</th><td class="text-end">4</td><td class="text-end">7.0</td>' in page
    assert "Your back hurt more on these days: 7.0 against 2.0;" in page


def test_a_period_without_entries_says_there_is_nothing_yet(person_client, person, entry_of):
    entry_of(person, date=ago(100), upper_back=3)
    page = text(person_client.get(URL))
    assert "you logged 0 of 30 days" in page
    assert "There is nothing logged in this period yet" in page
    assert '<svg class="period-chart"' not in page
    assert 'href="?days=all"' in page


def test_a_bad_period_or_region_is_a_clear_400(person_client):
    for query in ({"days": "7"}, {"region": "knee"}):
        response = person_client.get(URL, query)
        assert response.status_code == 400
        assert "Choose again below." in text(response)


def test_it_is_never_cached_and_needs_a_login(client, person_client):
    assert "no-store" in person_client.get(URL)["Cache-Control"]
    client.logout()
    assert client.get(URL).status_code == 302


def test_the_dashboard_chart_links_to_the_insights(person_client):
    assert f'href="{URL}"' in person_client.get(reverse("journal:dashboard")).content.decode()


def bulk_entries(user, count):
    """A day's entries for ``count`` days up to today, with habits, in one statement."""
    Entry.objects.bulk_create(
        Entry(
            user=user,
            date=TODAY - datetime.timedelta(days=n),
            upper_back=n % 11,
            lower_back=(n * 3) % 11,
            spasms=n % 4 == 0,
            sitting_hours=n % 10,
            sitting_posture=("hunched", "upright", "")[n % 3],
            shoulder_load=n % 5 == 0,
            season=Season.AUTUMN,
        )
        for n in range(count)
    )


@pytest.mark.parametrize("name", ["journal:insights", "journal:insights-data"])
def test_the_insights_run_the_same_queries_for_5_and_1000_entries(client, db, name):
    counts = []
    for count in (5, 1000):
        user = UserFactory()
        bulk_entries(user, count)
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name), {"days": "all"}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 8  # session, user, consent, entries, flagged days, intakes
