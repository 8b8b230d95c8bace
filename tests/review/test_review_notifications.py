"""New urgent and emergency flags e-mail the reviewers after the transaction commits: one mail per
qualifying flag, none for soon or routine, no health data in them, and a failing mail server never
loses or blocks the entry."""

import io
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend

from front.services import entry_update
from journal.models import Entry
from tests.factories import UserFactory, make_reviewer


@pytest.fixture
def reviewers(db):
    return [make_reviewer("ash"), make_reviewer("bea"), make_reviewer("cy", email="")]


def test_an_emergency_flag_mails_each_reviewer_once(
    reviewers, person, entry_of, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_of(person, upper_back=3, symptoms=["chest_pain"])
    assert sorted(message.to[0] for message in mail.outbox) == ["ash@example.org", "bea@example.org"]
    message = mail.outbox[0]
    assert "emergency" in message.subject
    assert f"http://localhost:8000/review/entries/{entry.pk}/" in message.body


def test_two_qualifying_flags_send_two_mails_per_reviewer(
    reviewers, person, entry_of, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry_of(person, lower_back=4, symptoms=["chest_pain", "fever"])  # emergency + urgent
    assert len(mail.outbox) == 4
    assert sorted({m.subject for m in mail.outbox}) == [
        "[Back pain journal] An entry needs review (emergency)",
        "[Back pain journal] An entry needs review (urgent)",
    ]


def test_soon_and_routine_flags_send_nothing(reviewers, person, entry_of, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry_of(person, upper_back=6, symptoms=["headache"], painkillers=True)
    assert mail.outbox == []


def test_a_flag_that_stays_sends_no_second_mail(
    reviewers, person, entry_of, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_of(person, upper_back=3, symptoms=["chest_pain"])
    with django_capture_on_commit_callbacks(execute=True):
        entry_update(entry=entry, data={"upper_back": 5})
    assert len(mail.outbox) == 2  # the first mail to each of the two reviewers, nothing more


def test_a_withdrawn_flag_that_fires_again_mails_again(
    reviewers, person, entry_of, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_of(person, upper_back=3, symptoms=["chest_pain"])
        entry_update(entry=entry, data={"symptoms": []})
        entry_update(entry=entry, data={"symptoms": ["chest_pain"]})
    assert len(mail.outbox) == 4


def test_a_flag_that_becomes_urgent_mails(reviewers, person, entry_of, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = entry_of(person, upper_back=3, symptoms=["numbness"])  # soon
        assert mail.outbox == []
        entry_update(entry=entry, data={"symptoms": ["numbness", "dizziness"]})  # numbness rises to urgent
    assert {m.subject for m in mail.outbox} == {"[Back pain journal] An entry needs review (urgent)"}


def test_the_mail_carries_no_health_data(reviewers, person, entry_of, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry_of(person, upper_back=3, symptoms=["chest_pain"], notes="my secret")
    text = mail.outbox[0].subject + mail.outbox[0].body
    for health in ("chest", "Chest", "my secret", "alex", "2026", "pain 3"):
        assert health not in text


def test_nothing_is_sent_before_the_transaction_commits(
    reviewers, person, entry_of, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        entry_of(person, upper_back=3, symptoms=["chest_pain"])
    assert mail.outbox == [] and len(callbacks) == 1


def test_people_outside_the_group_get_no_mail(person, entry_of, django_capture_on_commit_callbacks):
    UserFactory(username="root", is_staff=True, is_superuser=True)
    UserFactory(username="stan", is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        entry_of(person, upper_back=3, symptoms=["chest_pain"])
    assert mail.outbox == []


def test_a_failing_mail_server_keeps_the_entry(
    reviewers, person_client, settings, django_capture_on_commit_callbacks, caplog
):
    from tests.factories import entry_post_data

    settings.EMAIL_BACKEND = "tests.review.test_review_notifications.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = person_client.post(
            "/journal/new/",
            entry_post_data(upper_back="3", other_red_flag_symptoms=["chest_pain"], notes="keep me"),
        )
    assert response.status_code == 302
    entry = Entry.objects.get(user__username="alex")
    assert entry.notes == "keep me" and entry.flags.get().rule_id == "chest_pain"
    assert "Could not send 2 of 2 review notification(s): ConnectionRefusedError" in caplog.text
    assert "keep me" not in caplog.text


def test_a_refused_address_does_not_keep_the_mail_from_the_others(
    reviewers, person, entry_of, settings, django_capture_on_commit_callbacks, caplog
):
    make_reviewer("abe", email="a-gone@example.org")  # sorted first: tried before the others
    settings.EMAIL_BACKEND = "tests.review.test_review_notifications.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        entry_of(person, upper_back=3, symptoms=["chest_pain"])
    assert sorted(message.to[0] for message in mail.outbox) == ["ash@example.org", "bea@example.org"]
    assert "Could not send 1 of 3 review notification(s): SMTPRecipientsRefused" in caplog.text


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


class RefusingBackend(locmem.EmailBackend):
    def send_messages(self, messages):
        if any("a-gone@example.org" in message.to for message in messages):
            raise smtplib.SMTPRecipientsRefused({"a-gone@example.org": (550, b"No such user")})
        return super().send_messages(messages)


def test_switching_a_rule_off_and_on_again_raises_no_new_alarm(
    reviewers, person, entry_of, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from review.models import Review
    from review.services import review_resolve
    from triage.models import TriageRule

    entry = entry_of(person, upper_back=3, symptoms=["chest_pain"])
    review = Review.objects.get(entry=entry)
    review_resolve(
        review=review, actor=reviewers[0], version=review.version, outcome="needed_care", message=""
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        TriageRule.objects.filter(code="chest_pain").update(enabled=False)
        call_command("retriage", stdout=io.StringIO(), stderr=io.StringIO())
        TriageRule.objects.filter(code="chest_pain").update(enabled=True)
        call_command("retriage", stdout=io.StringIO(), stderr=io.StringIO())
    assert entry.flags.get().status == "open"
    assert Review.objects.get(entry=entry).status == "resolved"
    assert mail.outbox == []
