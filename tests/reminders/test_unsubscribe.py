"""The unsubscribe link works without logging in, with one click, and refuses a forged token."""

import datetime

import pytest
from django.core import signing
from django.test import Client

from reminders.mail import UNSUBSCRIBE_SALT, unsubscribe_token, unsubscribe_url
from reminders.selectors import plan_of


@pytest.fixture
def link(person, remind):
    remind(person)
    return unsubscribe_url(user_id=person.pk).removeprefix("http://localhost:8000")


def test_opening_the_link_asks_first_and_changes_nothing(client, person, link):
    response = client.get(link)
    assert response.status_code == 200
    assert "Stop the reminders" in response.content.decode()
    assert plan_of(user=person).enabled is True


def test_one_click_on_the_page_stops_the_reminders_without_logging_in(person, link):
    client = Client(enforce_csrf_checks=True)
    response = client.post(link)
    assert response.status_code == 200
    assert "Reminders stopped" in response.content.decode()
    assert plan_of(user=person).enabled is False


def test_a_mail_programs_one_click_post_stops_the_reminders(person, link):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        link, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert plan_of(user=person).enabled is False


def test_unsubscribing_keeps_the_time_and_the_calendar_feed(person, remind, link):
    from reminders.services import feed_create

    remind(person, at=datetime.time(7, 30))
    feed_create(user=person)
    Client().post(link)
    plan = plan_of(user=person)
    assert (plan.enabled, plan.at, bool(plan.feed_token)) == (False, datetime.time(7, 30), True)


@pytest.mark.parametrize(
    "forge",
    [
        lambda user_id: signing.dumps(user_id, salt=UNSUBSCRIBE_SALT, key="not-the-site-key"),
        lambda user_id: signing.dumps(user_id, salt="another.purpose"),
        lambda user_id: unsubscribe_token(user_id=user_id)[:-2] + "xx",
        lambda user_id: unsubscribe_token(user_id=user_id + 1).replace(":", ":", 1)[:-1],
        lambda user_id: str(user_id),
    ],
    ids=["other key", "other salt", "altered signature", "cut short", "bare id"],
)
def test_a_forged_token_is_refused_and_changes_nothing(client, person, link, forge):
    response = client.post(f"/reminders/unsubscribe/{forge(person.pk)}/")
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert plan_of(user=person).enabled is True


def test_one_persons_token_stops_only_their_reminders(person, other_person, remind, link):
    remind(other_person)
    Client().post(link)
    assert plan_of(user=other_person).enabled is True


def test_a_token_signed_for_a_person_does_not_work_as_a_calendar_address(client, person, link):
    token = unsubscribe_token(user_id=person.pk)
    assert client.get(f"/reminders/calendar/{token}.ics").status_code == 404
