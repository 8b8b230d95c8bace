"""The reminder e-mail: a line, a link to log today, a one-click way out, and no health data."""

import datetime

from django.core import mail

from reminders.services import reminders_send_due

EVENING = datetime.datetime(2026, 3, 10, 20, 5, tzinfo=datetime.UTC)


def test_the_reminder_links_to_todays_entry_page(person, remind):
    remind(person)
    reminders_send_due(now=EVENING)
    assert "http://localhost:8000/journal/new/" in mail.outbox[0].body


def test_the_reminder_carries_no_health_data(person, remind, entry_of):
    remind(person)
    entry_of(person, date=datetime.date(2026, 3, 9), upper_back=8, symptoms=["chest_pain"], notes="my secret")
    reminders_send_due(now=EVENING)
    message = mail.outbox[0]
    text = message.subject + message.body + "".join(message.extra_headers.values())
    for health in ("pain", "Pain", "chest", "Chest", "upper", "my secret", "alex", "2026-03-09", "flag"):
        assert health not in text


def test_the_reminder_has_a_one_click_unsubscribe_header_and_link(person, remind):
    remind(person)
    reminders_send_due(now=EVENING)
    message = mail.outbox[0]
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http://localhost:8000/reminders/unsubscribe/") and header.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header[1:-1] in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
