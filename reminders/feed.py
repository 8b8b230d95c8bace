"""The private calendar feed (iCalendar, RFC 5545): one event every day at the person's reminder
time, on their own clock, linking to the page that logs today's entry. Like the e-mail it says
nothing about the person's health; the title does not even name the journal's subject."""

from __future__ import annotations

import datetime
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from icalendar import Alarm, Calendar, Event

from reminders.mail import site_url
from reminders.models import ReminderPlan
from reminders.timing import zone_of

EVENT_MINUTES = 10


def feed_calendar(*, plan: ReminderPlan, time_zone: str) -> bytes:
    """The feed of a plan that has one (``plan.feed_token`` set)."""
    if not plan.feed_token or not plan.feed_created_at:
        raise ValueError("This plan has no calendar feed.")
    zone = zone_of(time_zone)
    first_day = plan.feed_created_at.astimezone(zone).date()
    log_url = site_url(reverse("journal:entry-create"))

    calendar = Calendar()
    calendar.add("prodid", "-//Journal//Daily reminder//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Journal reminder")
    # Calendar programs that honour it look again every few hours for a changed time.
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})

    event = Event()
    # Stable for one feed address, and telling nothing about the person.
    uid = hashlib.sha256(plan.feed_token.encode()).hexdigest()[:24]
    event.add("uid", f"daily-reminder-{uid}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}")
    event.add("dtstamp", plan.updated_at)
    event.add("last-modified", plan.updated_at)
    event.add("summary", "Write today's journal entry")
    event.add("description", f"Your daily reminder. Write today's entry: {log_url}")
    event.add("url", log_url)
    event.add("dtstart", datetime.datetime.combine(first_day, plan.at, tzinfo=zone))
    event.add("duration", datetime.timedelta(minutes=EVENT_MINUTES))
    event.add("rrule", {"freq": "daily"})
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "Write today's journal entry")
    alarm.add("trigger", datetime.timedelta(0))
    event.add_component(alarm)

    calendar.add_component(event)
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical
