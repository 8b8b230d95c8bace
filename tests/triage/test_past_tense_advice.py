"""Advice about an older entry speaks in the past: the day, what was noted, what we advised and
what to do now; advice about today's entry keeps the rule's own message."""

import datetime
import html
import re

from django.urls import reverse

from accounts.selectors import user_today
from triage.advice import day_words, noted_words, past_advice

TODAY = datetime.date(2026, 11, 23)


def test_the_issues_example_reads_as_written():
    sentence = past_advice(
        day=datetime.date(2026, 11, 14),
        today=TODAY,
        urgency="urgent",
        reason="This entry records numbness together with dizziness.",
    )
    assert sentence == (
        "On 14 November you noted numbness together with dizziness; we advised seeing a doctor that "
        "day. If you have not, please do."
    )


def test_each_urgency_says_what_we_advised_then():
    said = {
        urgency: past_advice(day=TODAY, today=TODAY, urgency=urgency, reason="This entry records fever.")
        for urgency in ("emergency", "urgent", "soon", "routine")
    }
    assert "seeking emergency care at once" in said["emergency"] and "seek care now" in said["emergency"]
    assert "within a few days. If you have not, please do." in said["soon"]
    assert said["routine"].endswith("we suggested bringing it up at your next doctor's visit.")


def test_a_reason_about_several_days_is_kept_in_lower_case():
    assert noted_words("Spasms on 3 of the 14 days from 1 Nov to 14 Nov.") == (
        "spasms on 3 of the 14 days from 1 Nov to 14 Nov"
    )


def test_the_year_is_named_only_when_it_is_not_this_one():
    assert day_words(datetime.date(2026, 1, 2), today=datetime.date(2026, 1, 10)) == "2 January"
    assert day_words(datetime.date(2025, 12, 30), today=datetime.date(2026, 1, 2)) == "30 December 2025"


def page_text(client):
    return re.sub(r"\s+", " ", html.unescape(client.get(reverse("journal:dashboard")).content.decode()))


def test_the_dashboard_tells_advice_about_an_older_entry_in_the_past(person_client, person, entry_of):
    day = user_today(user=person) - datetime.timedelta(days=9)
    entry_of(person, date=day, upper_back=6, symptoms=["numbness", "dizziness"])
    text = page_text(person_client)
    assert (
        f"On {day.day} {day:%B} you noted numbness together with dizziness; we advised seeing a doctor "
        "that day. If you have not, please do." in text
    )
    assert "Why we say this" not in text  # the sentence already names what was noted


def test_the_dashboard_keeps_the_present_for_todays_entry(person_client, person, entry_of):
    entry_of(person, date=user_today(user=person), upper_back=6, symptoms=["numbness", "dizziness"])
    text = page_text(person_client)
    assert "you noted numbness together with dizziness;" not in text
    assert "we advised seeing a doctor that day" not in text
    assert "You noted numbness." in text  # the rule's own message
    assert "Why we say this" in text
