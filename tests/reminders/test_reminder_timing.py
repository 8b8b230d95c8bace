"""When a reminder is due, on the person's own clock: across time zones and both daylight-saving
changes. Pure function, no database."""

import datetime

from reminders.timing import due_day

UTC = datetime.UTC
EIGHT_PM = datetime.time(20, 0)


def at_utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def test_the_reminder_is_not_due_before_the_chosen_time():
    assert due_day(now=at_utc(2026, 3, 10, 19, 59), zone="UTC", at=EIGHT_PM) is None


def test_the_reminder_is_due_from_the_chosen_time_on():
    assert due_day(now=at_utc(2026, 3, 10, 20, 0), zone="UTC", at=EIGHT_PM) == datetime.date(2026, 3, 10)
    assert due_day(now=at_utc(2026, 3, 10, 23, 59), zone="UTC", at=EIGHT_PM) == datetime.date(2026, 3, 10)


def test_the_same_instant_is_a_different_local_day_and_time_around_the_world():
    now = at_utc(2026, 3, 10, 11, 0)  # 20:00 in Tokyo, 07:00 in New York, 00:00 next day in Auckland
    assert due_day(now=now, zone="Asia/Tokyo", at=EIGHT_PM) == datetime.date(2026, 3, 10)
    assert due_day(now=now, zone="America/New_York", at=EIGHT_PM) is None
    assert due_day(now=now, zone="Pacific/Auckland", at=datetime.time(0, 0)) == datetime.date(2026, 3, 11)


def test_eight_pm_in_berlin_is_seven_pm_utc_in_winter_and_six_pm_in_summer():
    winter, summer = "Europe/Berlin", "Europe/Berlin"
    assert due_day(now=at_utc(2026, 1, 15, 18, 59), zone=winter, at=EIGHT_PM) is None
    assert due_day(now=at_utc(2026, 1, 15, 19, 0), zone=winter, at=EIGHT_PM) == datetime.date(2026, 1, 15)
    assert due_day(now=at_utc(2026, 7, 15, 17, 59), zone=summer, at=EIGHT_PM) is None
    assert due_day(now=at_utc(2026, 7, 15, 18, 0), zone=summer, at=EIGHT_PM) == datetime.date(2026, 7, 15)


def test_on_the_day_the_clocks_go_forward_the_evening_reminder_keeps_its_local_time():
    # Europe/Berlin, 29 March 2026: 02:00 becomes 03:00; 20:00 is 18:00 UTC that evening.
    assert due_day(now=at_utc(2026, 3, 29, 17, 59), zone="Europe/Berlin", at=EIGHT_PM) is None
    assert due_day(now=at_utc(2026, 3, 29, 18, 0), zone="Europe/Berlin", at=EIGHT_PM) == datetime.date(
        2026, 3, 29
    )


def test_a_time_skipped_when_the_clocks_go_forward_is_due_at_the_first_minute_after_the_gap():
    half_past_two = datetime.time(2, 30)  # does not exist in Berlin on 29 March 2026
    assert due_day(now=at_utc(2026, 3, 29, 0, 59), zone="Europe/Berlin", at=half_past_two) is None  # 01:59
    assert due_day(now=at_utc(2026, 3, 29, 1, 0), zone="Europe/Berlin", at=half_past_two) == datetime.date(
        2026, 3, 29
    )  # 03:00 local


def test_on_the_day_the_clocks_go_back_the_evening_reminder_keeps_its_local_time():
    # Europe/Berlin, 25 October 2026: 03:00 becomes 02:00; 20:00 is 19:00 UTC that evening.
    assert due_day(now=at_utc(2026, 10, 25, 18, 59), zone="Europe/Berlin", at=EIGHT_PM) is None
    assert due_day(now=at_utc(2026, 10, 25, 19, 0), zone="Europe/Berlin", at=EIGHT_PM) == datetime.date(
        2026, 10, 25
    )


def test_a_time_that_happens_twice_when_the_clocks_go_back_is_due_the_first_time():
    half_past_two = datetime.time(2, 30)  # 00:30 UTC (summer time) and again 01:30 UTC (winter time)
    assert due_day(now=at_utc(2026, 10, 25, 0, 29), zone="Europe/Berlin", at=half_past_two) is None
    assert due_day(now=at_utc(2026, 10, 25, 0, 30), zone="Europe/Berlin", at=half_past_two) == datetime.date(
        2026, 10, 25
    )


def test_new_york_changes_its_clocks_on_other_days_than_europe():
    # 8 March 2026: New York is on summer time (UTC-4), Berlin still on winter time.
    assert due_day(now=at_utc(2026, 3, 8, 23, 59), zone="America/New_York", at=EIGHT_PM) is None
    assert due_day(now=at_utc(2026, 3, 9, 0, 0), zone="America/New_York", at=EIGHT_PM) == datetime.date(
        2026, 3, 8
    )


def test_an_unknown_time_zone_falls_back_to_utc():
    assert due_day(now=at_utc(2026, 3, 10, 20, 0), zone="Mars/Olympus_Mons", at=EIGHT_PM) == datetime.date(
        2026, 3, 10
    )
