"""Tips on the entry page and the dashboard: up to three that fit the day, each with a link to read more."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learn.models import Status, Tip
from tests.factories import entry_post_data
from tests.learn.factories import ArticleFactory, TipFactory

TODAY = datetime.date(2026, 3, 20)  # spring in the north: no cold-season tip
DASHBOARD = reverse("journal:dashboard")


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    moment = datetime.datetime(2026, 3, 20, 12, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


@pytest.fixture
def sitting_tip(db):
    Tip.objects.all().delete()  # only this test's tips, not the starter content
    article = ArticleFactory(slug="screens", title="Screens and your back")
    return TipFactory(condition="long_sitting", text="Stand up every half hour.", article=article)


def test_the_entry_page_shows_the_tip_that_fits_with_a_link(person_client, person, entry_of, sitting_tip):
    entry = entry_of(person, date=TODAY, sitting_hours=Decimal(7))
    html = person_client.get(entry.get_absolute_url()).content.decode()
    assert "Tips for your day" in html
    assert "Stand up every half hour." in html
    assert 'href="/learn/screens/">Read more: Screens and your back</a>' in html


def test_the_entry_page_shows_no_tips_when_nothing_fits(person_client, person, entry_of, sitting_tip):
    entry = entry_of(person, date=TODAY, sitting_hours=Decimal("5.5"))
    html = person_client.get(entry.get_absolute_url()).content.decode()
    assert "Tips for your day" not in html
    assert "Stand up every half hour." not in html


def test_the_tip_shows_right_after_saving_an_entry(person_client, sitting_tip):
    response = person_client.post(
        reverse("journal:entry-create"), entry_post_data(date="2026-03-20", sitting_hours="8"), follow=True
    )
    assert b"Entry saved." in response.content
    assert b"Stand up every half hour." in response.content


def test_disabled_tips_and_tips_of_draft_articles_are_not_shown(person_client, person, entry_of, sitting_tip):
    sitting_tip.enabled = False
    sitting_tip.save()
    draft = ArticleFactory(status=Status.DRAFT, published_at=None)
    TipFactory(condition="long_sitting", text="About a draft.", article=draft)
    entry = entry_of(person, date=TODAY, sitting_hours=Decimal(7))
    html = person_client.get(entry.get_absolute_url()).content.decode()
    assert "Tips for your day" not in html


def test_at_most_three_tips_one_per_condition(person_client, person, entry_of, sitting_tip):
    for condition in ("long_sitting", "hunched_posture", "shoulder_loads", "shoulders_raised_cold"):
        TipFactory(condition=condition, text=f"Tip about {condition}.")
    entry = entry_of(
        person, date=TODAY, sitting_hours=Decimal(9), sitting_posture="hunched", shoulder_load=True,
        shoulders_raised_cold=True,
    )  # fmt: skip
    html = person_client.get(entry.get_absolute_url()).content.decode()
    assert html.count('class="learn-tip') == 3
    assert "Tip about hunched_posture." in html and "Tip about shoulder_loads." in html
    assert "Tip about shoulders_raised_cold." not in html


def test_the_dashboard_shows_tips_for_todays_entries(person_client, person, entry_of, sitting_tip):
    entry_of(person, date=TODAY, sitting_hours=Decimal(2))
    entry_of(person, date=TODAY, sitting_hours=Decimal(6))
    html = person_client.get(DASHBOARD).content.decode()
    assert "Stand up every half hour." in html
    assert "from your entry of" not in html


def test_the_dashboard_falls_back_to_the_latest_entry_and_says_its_date(
    person_client, person, entry_of, sitting_tip
):
    entry_of(person, date=TODAY - datetime.timedelta(days=3), sitting_hours=Decimal(2))
    entry_of(person, date=TODAY - datetime.timedelta(days=2), sitting_hours=Decimal(10))
    html = person_client.get(DASHBOARD).content.decode()
    assert "Stand up every half hour." in html
    assert "from your entry of 18 Mar" in html


def test_the_dashboard_shows_no_tips_when_nothing_fits(person_client, person, entry_of, sitting_tip):
    entry_of(person, date=TODAY, sitting_hours=Decimal(1))
    assert "Tips for your day" not in person_client.get(DASHBOARD).content.decode()


def test_the_dashboard_shows_no_tips_without_entries(person_client, sitting_tip):
    assert "Tips for your day" not in person_client.get(DASHBOARD).content.decode()


def test_no_strength_training_tip_looks_at_the_last_two_weeks(person_client, person, entry_of, sitting_tip):
    TipFactory(condition="no_strength_training_two_weeks", text="Time for some strength training.")
    entry_of(person, date=TODAY - datetime.timedelta(days=20), strength_training=True)
    entry = entry_of(person, date=TODAY)
    assert "Time for some strength training." in person_client.get(entry.get_absolute_url()).content.decode()
    entry_of(person, date=TODAY - datetime.timedelta(days=13), strength_training=True)
    assert (
        "Time for some strength training." not in person_client.get(entry.get_absolute_url()).content.decode()
    )


def test_another_persons_strength_training_does_not_count(
    person_client, person, other_person, entry_of, sitting_tip
):
    TipFactory(condition="no_strength_training_two_weeks", text="Time for some strength training.")
    entry_of(other_person, date=TODAY, strength_training=True)
    entry_of(person, date=TODAY - datetime.timedelta(days=20))
    entry = entry_of(person, date=TODAY)
    assert "Time for some strength training." in person_client.get(entry.get_absolute_url()).content.decode()


@pytest.mark.parametrize("url_of", [lambda entry: entry.get_absolute_url(), lambda entry: DASHBOARD])
def test_tips_run_the_same_number_of_queries_with_one_tip_or_forty(
    person_client, person, entry_of, sitting_tip, url_of
):
    entry = entry_of(person, date=TODAY, sitting_hours=Decimal(7), sitting_posture="hunched")
    with CaptureQueriesContext(connection) as one_tip:
        person_client.get(url_of(entry))
    for n in range(39):
        TipFactory(condition="long_sitting" if n % 2 else "hunched_posture", text=f"Extra {n}.")
    with CaptureQueriesContext(connection) as forty_tips:
        response = person_client.get(url_of(entry))
    assert response.content.decode().count('class="learn-tip') == 2
    assert len(forty_tips) == len(one_tip)
