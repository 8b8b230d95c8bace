"""The private calendar feed: a daily event at the person's time on their own clock, linking to the
log page; revocable; its address never written to a log."""

import datetime
import logging
import zoneinfo

import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from icalendar import Calendar

from reminders.selectors import plan_of
from reminders.services import feed_create, feed_revoke


@pytest.fixture
def feed_path(person, remind):
    remind(person, at=datetime.time(20, 0))
    plan = feed_create(user=person)
    return reverse("reminders:feed", args=[plan.feed_token])


def event_of(response):
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def occurrences(event, count):
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    return [rule[n] for n in range(count)]


def test_the_feed_holds_a_daily_event_at_the_reminder_time_linking_to_the_log_page(client, feed_path):
    response = client.get(feed_path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    _, event = event_of(response)
    assert event["rrule"]["FREQ"] == ["DAILY"]
    assert event.decoded("dtstart").time() == datetime.time(20, 0)
    assert str(event["url"]) == "http://localhost:8000/journal/new/"
    assert "http://localhost:8000/journal/new/" in str(event["description"])
    assert "no-store" in response["Cache-Control"]


def test_the_event_is_in_the_persons_time_zone_and_keeps_its_local_time_across_daylight_saving(
    client, person, remind
):
    person.time_zone = "Europe/Berlin"
    person.save()
    remind(person, at=datetime.time(20, 0))
    plan = feed_create(user=person)
    plan.feed_created_at = datetime.datetime(2026, 3, 27, 12, 0, tzinfo=datetime.UTC)
    plan.save()
    calendar, event = event_of(client.get(reverse("reminders:feed", args=[plan.feed_token])))
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    days = occurrences(event, 4)  # 27 March to 30 March 2026: the clocks go forward on the 29th
    assert [day.date().day for day in days] == [27, 28, 29, 30]
    assert {day.astimezone(zoneinfo.ZoneInfo("Europe/Berlin")).time() for day in days} == {
        datetime.time(20, 0)
    }
    assert [day.astimezone(datetime.UTC).hour for day in days] == [19, 19, 18, 18]


def test_the_feed_follows_a_changed_time(client, person, remind, feed_path):
    remind(person, at=datetime.time(7, 30))
    _, event = event_of(client.get(feed_path))
    assert event.decoded("dtstart").time() == datetime.time(7, 30)


def test_the_feed_says_nothing_about_health(client, person, entry_of, feed_path):
    entry_of(person, upper_back=8, symptoms=["chest_pain"], notes="my secret")
    text = client.get(feed_path).content.decode()
    for health in ("pain", "Pain", "chest", "my secret", "alex", "back"):
        assert health not in text


def test_a_revoked_feed_is_gone_and_a_new_address_differs(client, person, feed_path):
    feed_revoke(user=person)
    assert client.get(feed_path).status_code == 404
    new_path = reverse("reminders:feed", args=[feed_create(user=person).feed_token])
    assert new_path != feed_path
    assert client.get(new_path).status_code == 200
    assert client.get(feed_path).status_code == 404


def test_revoking_from_the_page_asks_first(person_client, person, feed_path):
    page = person_client.get(reverse("reminders:feed-revoke"))
    assert "Stop the calendar feed?" in page.content.decode()
    assert person_client.get(feed_path).status_code == 200
    response = person_client.post(reverse("reminders:feed-revoke"), follow=True)
    assert "no longer works" in response.content.decode()
    assert plan_of(user=person).feed_token is None
    assert person_client.get(feed_path).status_code == 404


def test_the_settings_page_creates_and_shows_the_address(person_client, person):
    response = person_client.post(reverse("reminders:feed-create"), follow=True)
    token = plan_of(user=person).feed_token
    assert token and f"http://localhost:8000/reminders/calendar/{token}.ics" in response.content.decode()


def test_another_persons_feed_is_not_reachable_by_guessing(client, person, other_person, feed_path):
    assert client.get("/reminders/calendar/guess.ics").status_code == 404
    assert client.get(feed_path.replace(".ics", "x.ics")).status_code == 404


def test_a_deactivated_persons_feed_stops(client, person, feed_path):
    person.is_active = False
    person.save()
    assert client.get(feed_path).status_code == 404


def test_the_feed_address_is_never_written_to_the_log(client, person, feed_path, caplog):
    token = feed_path.split("/")[-1].removesuffix(".ics")
    client.get(feed_path)
    feed_revoke(user=person)
    with caplog.at_level(logging.INFO):
        client.get(feed_path)  # a 404, which Django's request log reports with its path
    assert "Not Found: /reminders/calendar/[hidden]" in caplog.text
    assert token not in caplog.text
