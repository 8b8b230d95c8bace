"""`manage.py send_reminders` does one round by hand or from cron."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from reminders.models import ReminderDelivery


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_one_round_sends_what_is_due_and_says_so(person, remind):
    remind(person, at=datetime.time(0, 0))  # due from midnight on
    out, _ = run()
    assert "Reminders: 1 sent" in out
    assert len(mail.outbox) == 1 and ReminderDelivery.objects.count() == 1


def test_running_it_again_from_cron_sends_nothing_more(person, remind):
    remind(person, at=datetime.time(0, 0))
    run()
    out, _ = run()
    assert out == "" and len(mail.outbox) == 1


def test_a_mail_server_that_is_down_makes_the_command_fail(person, remind, settings):
    remind(person, at=datetime.time(0, 0))
    settings.EMAIL_BACKEND = "tests.reminders.test_reminder_round.DownBackend"
    with pytest.raises(CommandError, match="cannot be reached"):
        run()
    assert not ReminderDelivery.objects.exists()
