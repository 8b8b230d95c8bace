"""The reminder round: who gets a reminder when, and never two for the same person and day, under
retries, a mail server that is down, and two rounds at once."""

import datetime
import smtplib
import threading

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend

from reminders import selectors
from reminders.models import DeliveryStatus, ReminderDelivery
from reminders.services import MailServerUnavailable, reminders_send_due
from tests.factories import UserFactory

UTC = datetime.UTC
DAY = datetime.date(2026, 3, 10)


def at_utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


EVENING = at_utc(2026, 3, 10, 20, 5)


def test_a_person_with_reminders_on_gets_one_after_their_time(person, remind):
    remind(person)
    outcome = reminders_send_due(now=EVENING)
    assert outcome.sent == 1
    assert [message.to for message in mail.outbox] == [["alex@example.org"]]
    delivery = ReminderDelivery.objects.get(user=person)
    assert (delivery.day, delivery.status, delivery.attempts) == (DAY, DeliveryStatus.SENT, 1)


def test_nobody_gets_a_reminder_before_their_time(person, remind):
    remind(person, at=datetime.time(21, 0))
    assert reminders_send_due(now=EVENING).sent == 0
    assert mail.outbox == []


def test_reminders_are_off_by_default(person):
    assert selectors.plan_of(user=person).enabled is False
    assert selectors.plan_of(user=person).at == datetime.time(20, 0)
    reminders_send_due(now=EVENING)
    assert mail.outbox == []


def test_a_person_who_switched_reminders_off_gets_none(person, remind):
    remind(person, enabled=False)
    reminders_send_due(now=EVENING)
    assert mail.outbox == []


def test_no_reminder_on_a_day_already_logged(person, remind, entry_of):
    remind(person)
    entry_of(person, date=DAY)
    reminders_send_due(now=EVENING)
    assert mail.outbox == []


def test_an_entry_for_another_day_does_not_stop_todays_reminder(person, remind, entry_of):
    remind(person)
    entry_of(person, date=DAY - datetime.timedelta(days=1))
    reminders_send_due(now=EVENING)
    assert len(mail.outbox) == 1


def test_a_second_round_the_same_day_sends_nothing(person, remind):
    remind(person)
    reminders_send_due(now=EVENING)
    later_that_evening = reminders_send_due(now=EVENING + datetime.timedelta(hours=2))
    assert later_that_evening.sent == 0 and len(mail.outbox) == 1


def test_the_next_day_brings_the_next_reminder(person, remind):
    remind(person)
    reminders_send_due(now=EVENING)
    reminders_send_due(now=EVENING + datetime.timedelta(days=1))
    assert len(mail.outbox) == 2
    assert sorted(ReminderDelivery.objects.values_list("day", flat=True)) == [
        DAY,
        DAY + datetime.timedelta(days=1),
    ]


def test_the_local_day_decides_for_people_in_different_time_zones(db, remind):
    tokyo = UserFactory(username="kei", time_zone="Asia/Tokyo")
    new_york = UserFactory(username="jo", time_zone="America/New_York")
    remind(tokyo)
    remind(new_york)
    reminders_send_due(now=at_utc(2026, 3, 10, 11, 0))  # 20:00 in Tokyo, 07:00 in New York
    assert [message.to for message in mail.outbox] == [["kei@example.org"]]
    reminders_send_due(now=at_utc(2026, 3, 11, 0, 0))  # 20:00 in New York, 09:00 next day in Tokyo
    assert [message.to for message in mail.outbox] == [["kei@example.org"], ["jo@example.org"]]
    days = dict(ReminderDelivery.objects.values_list("user__username", "day"))
    assert days == {"kei": DAY, "jo": DAY}


def test_an_entry_on_the_persons_local_day_counts_even_when_utc_is_on_another_day(db, remind, entry_of):
    auckland = UserFactory(username="ari", time_zone="Pacific/Auckland")
    remind(auckland)
    entry_of(auckland, date=datetime.date(2026, 3, 11))  # Auckland's 11 March is UTC's 10 March
    reminders_send_due(now=at_utc(2026, 3, 11, 7, 5))  # 20:05 on 11 March in Auckland
    assert mail.outbox == []


@pytest.mark.parametrize(
    "evening",
    [
        at_utc(2026, 3, 29, 18, 0),  # Berlin, the day the clocks go forward: 20:00 is 18:00 UTC
        at_utc(2026, 10, 25, 19, 0),  # Berlin, the day they go back: 20:00 is 19:00 UTC
    ],
)
def test_on_a_daylight_saving_day_the_reminder_comes_at_the_same_local_time_once(db, remind, evening):
    berlin = UserFactory(username="kai", time_zone="Europe/Berlin")
    remind(berlin)
    reminders_send_due(now=evening - datetime.timedelta(minutes=1))
    assert mail.outbox == []
    for minutes in (0, 5, 60, 180):
        reminders_send_due(now=evening + datetime.timedelta(minutes=minutes))
    assert len(mail.outbox) == 1


def test_a_time_that_happens_twice_the_night_the_clocks_go_back_brings_one_reminder(db, remind):
    berlin = UserFactory(username="kai", time_zone="Europe/Berlin")
    remind(berlin, at=datetime.time(2, 30))
    reminders_send_due(now=at_utc(2026, 10, 25, 0, 30))  # 02:30 summer time
    reminders_send_due(now=at_utc(2026, 10, 25, 1, 30))  # 02:30 again, winter time
    assert len(mail.outbox) == 1


def test_people_without_an_address_or_with_a_closed_account_are_left_out(db, remind):
    remind(UserFactory(username="noaddress", email=""))
    remind(UserFactory(username="gone", is_active=False))
    assert reminders_send_due(now=EVENING).sent == 0


# --- Failures and retries ----------------------------------------------------------------


class DownBackend(BaseEmailBackend):
    def open(self):
        raise ConnectionRefusedError("mail server down")

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


class RefusingOnceBackend(locmem.EmailBackend):
    """Takes the connection, then refuses the first message it is given, and only that one."""

    refused = []

    def send_messages(self, messages):
        if not RefusingOnceBackend.refused:
            RefusingOnceBackend.refused.append(messages[0].to[0])
            raise smtplib.SMTPDataError(451, b"try again later")
        return super().send_messages(messages)


def test_a_mail_server_that_is_down_delays_the_reminder_and_claims_nothing(person, remind, settings):
    remind(person)
    settings.EMAIL_BACKEND = "tests.reminders.test_reminder_round.DownBackend"
    with pytest.raises(MailServerUnavailable):
        reminders_send_due(now=EVENING)
    assert not ReminderDelivery.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders_send_due(now=EVENING + datetime.timedelta(minutes=5)).sent == 1
    assert len(mail.outbox) == 1


def test_a_refused_reminder_is_tried_again_after_a_wait_and_sent_once(person, remind, settings):
    remind(person)
    RefusingOnceBackend.refused.clear()
    settings.EMAIL_BACKEND = "tests.reminders.test_reminder_round.RefusingOnceBackend"
    assert reminders_send_due(now=EVENING).failed == 1
    delivery = ReminderDelivery.objects.get(user=person)
    assert delivery.status == DeliveryStatus.FAILED and delivery.error == "SMTPDataError"
    assert delivery.retry_at == EVENING + datetime.timedelta(minutes=5)
    # Too early for the retry: nothing.
    assert reminders_send_due(now=EVENING + datetime.timedelta(minutes=4)).sent == 0
    assert reminders_send_due(now=EVENING + datetime.timedelta(minutes=5)).sent == 1
    for minutes in (10, 30, 120):
        reminders_send_due(now=EVENING + datetime.timedelta(minutes=minutes))
    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)


def test_a_reminder_that_keeps_failing_is_not_tried_after_its_day(person, remind, settings):
    remind(person)
    settings.EMAIL_BACKEND = "tests.reminders.test_reminder_round.AlwaysRefusingBackend"
    reminders_send_due(now=EVENING)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    next_morning = at_utc(2026, 3, 11, 8, 0)
    assert reminders_send_due(now=next_morning).sent == 0
    assert mail.outbox == []


class AlwaysRefusingBackend(locmem.EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPDataError(451, b"try again later")


def test_a_reminder_left_half_sent_by_a_dead_round_is_never_sent_again(person, remind):
    remind(person)
    ReminderDelivery.objects.create(user=person, day=DAY, status=DeliveryStatus.SENDING, claimed_at=EVENING)
    for minutes in (5, 60, 200):
        reminders_send_due(now=EVENING + datetime.timedelta(minutes=minutes))
    assert mail.outbox == []


def test_the_database_keeps_one_reminder_per_person_and_day(person):
    from django.db import IntegrityError, transaction

    ReminderDelivery.objects.create(
        user=person, day=DAY, status=DeliveryStatus.SENT, claimed_at=EVENING, sent_at=EVENING
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderDelivery.objects.create(
            user=person, day=DAY, status=DeliveryStatus.SENDING, claimed_at=EVENING
        )


@pytest.mark.django_db(transaction=True)
def test_two_rounds_at_once_send_one_reminder(monkeypatch):
    """Both rounds read who is due before either claims anything; the database lets one claim win."""
    from reminders import services

    people = [UserFactory(username=f"p{n}") for n in range(5)]
    for person in people:
        services.plan_update(user=person, enabled=True, at=datetime.time(20, 0))
    both_read = threading.Barrier(2, timeout=10)
    read = services.reminders_due

    def read_then_wait(**kwargs):
        due = read(**kwargs)
        both_read.wait()
        return due

    monkeypatch.setattr(services, "reminders_due", read_then_wait)
    outcomes, errors = [], []

    def round_():
        try:
            outcomes.append(reminders_send_due(now=EVENING))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            from django.db import connection

            connection.close()

    threads = [threading.Thread(target=round_) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"p{n}@example.org" for n in range(5))
    assert sum(outcome.sent for outcome in outcomes) == 5
    assert sum(outcome.skipped for outcome in outcomes) == 5
    assert ReminderDelivery.objects.filter(status=DeliveryStatus.SENT).count() == 5
