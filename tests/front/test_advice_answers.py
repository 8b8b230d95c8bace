"""Answering advice on the dashboard: "I have seen a doctor about this" or "Hide", per piece of
advice, recorded per flag with its time and shown to reviewers. Emergency advice cannot be hidden
in its first day; advice comes back when it becomes more urgent."""

import datetime
import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.selectors import user_today
from front.services import entry_update
from tests.factories import UserFactory
from triage.models import Acknowledgement, Flag

DASHBOARD = reverse("journal:dashboard")
ANSWER = reverse("journal:advice-answer")


def text(response):
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def answer(client, flags, response):
    return client.post(ANSWER, {"flags": [flag.pk for flag in flags], "response": response}, follow=True)


@pytest.fixture
def painkillers(person, entry_of):
    """Painkillers on two recent days: one piece of advice standing for two flags."""
    today = user_today(user=person)
    entry_of(person, date=today - datetime.timedelta(days=2), upper_back=4, painkillers=True)
    entry_of(person, date=today, upper_back=4, painkillers=True)
    return list(Flag.objects.filter(rule_id="painkiller_use"))


def test_advice_for_the_same_rule_on_two_days_is_one_piece_naming_both(person_client, painkillers):
    page = text(person_client.get(DASHBOARD))
    assert page.count('<h4 class="h5 mb-1">Taking painkillers for the pain</h4>') == 1
    assert "the same advice came with your entries of" in page
    assert page.count('name="flags"') == 2


def test_seen_a_doctor_is_recorded_per_flag_with_its_time_and_the_advice_goes(person_client, painkillers):
    before = timezone.now()
    response = answer(person_client, painkillers, "seen_doctor")
    answers = Acknowledgement.objects.order_by("flag_id")
    assert [(a.flag_id, a.response, a.urgency) for a in answers] == [
        (flag.pk, "seen_doctor", "routine") for flag in sorted(painkillers, key=lambda f: f.pk)
    ]
    assert all(a.created_at >= before for a in answers)
    page = text(response)
    assert "we noted that you have seen a doctor about this advice" in page
    assert "Taking painkillers for the pain" not in page


def test_hide_takes_the_advice_off_the_dashboard(person_client, painkillers):
    page = text(answer(person_client, painkillers, "hidden"))
    assert "The advice is hidden." in page
    assert "Taking painkillers for the pain" not in page
    assert set(Acknowledgement.objects.values_list("response", flat=True)) == {"hidden"}


def test_answering_twice_records_once(person_client, painkillers):
    answer(person_client, painkillers, "hidden")
    answer(person_client, painkillers, "hidden")
    assert Acknowledgement.objects.count() == 2  # one per flag


def test_a_new_entry_raising_the_same_advice_brings_it_back(person_client, person, painkillers, entry_of):
    answer(person_client, painkillers, "hidden")
    entry_of(person, date=user_today(user=person), upper_back=3, painkillers=True)
    assert "Taking painkillers for the pain" in text(person_client.get(DASHBOARD))


def test_advice_that_becomes_more_urgent_shows_again(person_client, person, entry_of):
    entry = entry_of(person, date=user_today(user=person), upper_back=4, symptoms=["numbness"])
    answer(person_client, Flag.objects.filter(rule_id="numbness"), "hidden")
    assert ">Numbness<" not in person_client.get(DASHBOARD).content.decode()
    entry_update(entry=entry, data={"symptoms": ["numbness", "dizziness"]})
    page = text(person_client.get(DASHBOARD))
    assert ">Numbness<" in page and "See a doctor today" in page


@pytest.fixture
def emergency(person, entry_of):
    entry_of(person, date=user_today(user=person), lower_back=5, symptoms=["saddle_numbness"])
    return list(Flag.objects.filter(rule_id="cauda_equina"))


def test_emergency_advice_offers_no_hide_in_its_first_day(person_client, emergency):
    page = text(person_client.get(DASHBOARD))
    assert 'role="alert"' in page and "Seek medical care now" in page
    assert "I have seen a doctor about this" in page
    assert 'value="hidden"' not in page
    assert "Emergency advice stays here for its first day: you can hide it from" in page


def test_hiding_emergency_advice_in_its_first_day_is_refused(person_client, emergency):
    page = text(answer(person_client, emergency, "hidden"))
    assert "Emergency advice stays on your dashboard for its first day, so it was not hidden." in page
    assert "Signs that nerves at the base of the spine may be squeezed" in page
    assert not Acknowledgement.objects.exists()


def test_emergency_advice_can_be_marked_seen_by_a_doctor_at_once(person_client, emergency):
    answer(person_client, emergency, "seen_doctor")
    assert Acknowledgement.objects.get().response == "seen_doctor"


def test_emergency_advice_can_be_hidden_after_its_first_day(person_client, person, emergency, monkeypatch):
    later = emergency[0].updated_at + datetime.timedelta(days=1, minutes=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    person_client.force_login(person)  # a day later the earlier session has timed out
    page = person_client.get(DASHBOARD).content.decode()
    assert 'value="hidden"' in page
    answer(person_client, emergency, "hidden")
    assert Acknowledgement.objects.get().response == "hidden"


def test_another_persons_advice_cannot_be_answered(person_client, other_person, entry_of):
    entry_of(other_person, upper_back=4, painkillers=True)
    response = answer(person_client, Flag.objects.all(), "hidden")
    assert response.status_code == 404
    assert not Acknowledgement.objects.exists()


def test_an_unreadable_answer_changes_nothing_and_says_so(person_client, painkillers):
    for data in (
        {"response": "hidden"},
        {"flags": ["x"], "response": "hidden"},
        {"flags": [1], "response": "x"},
    ):
        page = text(person_client.post(ANSWER, data, follow=True))
        assert "That answer could not be read; nothing was changed." in page
    assert not Acknowledgement.objects.exists()


def test_answering_needs_a_post_with_the_csrf_token(person, painkillers):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    assert client.get(ANSWER).status_code == 405
    assert client.post(ANSWER, {"flags": [painkillers[0].pk], "response": "hidden"}).status_code == 403


def test_reviewers_see_the_persons_answer_with_its_time(person_client, reviewer, painkillers):
    answer(person_client, painkillers[:1], "seen_doctor")
    reviewer_client = Client()
    reviewer_client.force_login(reviewer)
    answered = Acknowledgement.objects.get()
    local = timezone.localtime(answered.created_at)
    page = text(reviewer_client.get(reverse("review:detail", args=[painkillers[0].entry_id])))
    assert f"{local:%-d %b %Y, %H:%M}: the person says they have seen a doctor about this." in page


def test_the_flags_admin_page_lists_the_answers(person_client, painkillers):
    answer(person_client, painkillers[:1], "hidden")
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    admin_client = Client()
    admin_client.force_login(admin)
    page = text(admin_client.get(reverse("admin:triage_flag_change", args=[painkillers[0].pk])))
    assert "the person's answers to this advice" in page.lower()
    assert "Hid the advice" in page
