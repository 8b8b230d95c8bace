"""The reviewer mail is a background task: started after the entry commits, and when the mail
server fails it is tried again later with only the mails still unsent, never a second copy."""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends import locmem

from review.tasks import reviewer_mail
from tests.factories import make_reviewer


@pytest.fixture
def reviewers(db):
    return [make_reviewer("ash"), make_reviewer("bea")]


class FlakyBackend(locmem.EmailBackend):
    """Down (refusing connections) while ``down`` is set; a working server otherwise."""

    down = True

    def open(self):
        if FlakyBackend.down:
            raise ConnectionRefusedError("mail server down")
        return super().open()

    def send_messages(self, messages):
        if FlakyBackend.down:
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


class DroppingAfterOneBackend(locmem.EmailBackend):
    """Sends one message, then the server hangs up."""

    def send_messages(self, messages):
        if len(mail.outbox) >= 1:
            raise smtplib.SMTPServerDisconnected("gone")
        return super().send_messages(messages)


def test_the_mail_is_a_task_started_once_the_entry_commits(
    reviewers, person, entry_of, django_capture_on_commit_callbacks, monkeypatch
):
    started = []
    monkeypatch.setattr("lib.tasks._dispatch", lambda task, kwargs: started.append((task.name, kwargs)))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        entry = entry_of(person, upper_back=3, symptoms=["chest_pain"])
        assert started == []  # nothing before the commit
    assert len(callbacks) == 1
    assert started == [("review.reviewer_mail", {"raised": [[entry.pk, "emergency"]]})]


def test_a_mail_server_that_is_down_delays_the_mail_and_loses_nothing(
    reviewers, person, entry_of, settings, django_capture_on_commit_callbacks, timers
):
    FlakyBackend.down = True
    settings.EMAIL_BACKEND = "tests.review.test_reviewer_mail_task.FlakyBackend"
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_of(person, upper_back=3, symptoms=["chest_pain"])
    assert entry.pk and mail.outbox == []
    assert len(timers) == 1 and timers[0][0] >= 30  # tried again after a wait, not at once
    timers.run_all()  # still down: another, longer wait
    assert mail.outbox == [] and len(timers) == 1 and timers[0][0] >= 60
    FlakyBackend.down = False
    timers.run_all()
    assert sorted(message.to[0] for message in mail.outbox) == ["ash@example.org", "bea@example.org"]
    assert timers == []


def test_a_retry_sends_only_the_mails_not_yet_sent(reviewers, settings, timers):
    settings.EMAIL_BACKEND = "tests.review.test_reviewer_mail_task.DroppingAfterOneBackend"
    reviewer_mail.apply(kwargs={"raised": [[7, "urgent"]]})
    assert [message.to[0] for message in mail.outbox] == ["ash@example.org"]
    ((_, again),) = timers
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again()
    assert [message.to[0] for message in mail.outbox] == ["ash@example.org", "bea@example.org"]


def test_a_refused_address_is_not_tried_again(reviewers, settings, timers, caplog):
    make_reviewer("abe", email="a-gone@example.org")
    settings.EMAIL_BACKEND = "tests.review.test_review_notifications.RefusingBackend"
    reviewer_mail.apply(kwargs={"raised": [[7, "urgent"]]})
    assert sorted(message.to[0] for message in mail.outbox) == ["ash@example.org", "bea@example.org"]
    assert timers == []
    assert "SMTPRecipientsRefused" in caplog.text and "a-gone" not in caplog.text


def test_the_task_gives_up_after_its_tries(reviewers, settings, timers):
    FlakyBackend.down = True
    settings.EMAIL_BACKEND = "tests.review.test_reviewer_mail_task.FlakyBackend"
    result = reviewer_mail.apply(kwargs={"raised": [[7, "urgent"]]})
    for _ in range(reviewer_mail.max_retries):
        assert len(timers) == 1
        timers.run_all()
    assert timers == [] and mail.outbox == []
    assert result is not None
