"""How precise each triage rule turns out: per rule and period, the flags raised, reviewed, the share
warranted with its 95 % Wilson interval, the median time to review and how many were overdue, on
known outcomes (a rule with no reviews included); the admin's page, the rule's own page linking to
it, and `manage.py triage_report` printing the same table."""

import datetime
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from journal.models import Entry
from journal.vocabulary import Season
from review.models import Review
from review.precision import rule_precision
from review.selectors import waiting_limits
from tests.factories import UserFactory, make_reviewer
from tests.html import table_rows
from triage.models import Flag

HOUR, DAY = datetime.timedelta(hours=1), datetime.timedelta(days=1)
# Relative to the clock, since the admin's page and the command read it: the same figures whenever
# the suite runs.
NOW = timezone.now()
RECENT = NOW - 29 * DAY
EARLIER = NOW - 90 * DAY
SINCE = (NOW - 60 * DAY).date()


class Journal:
    """Writes flags with known times and outcomes, one entry (and review) each."""

    def __init__(self):
        self.person = UserFactory(username="alex")
        self.day = datetime.date(2026, 1, 1)

    def flag(self, rule, urgency, *, raised, outcome="", after=None, waiting_since=None, withdrawn=None):
        self.day += DAY
        entry = Entry.objects.create(user=self.person, date=self.day, upper_back=5, season=Season.WINTER)
        flag = Flag.objects.create(
            entry=entry,
            rule_id=rule,
            urgency=urgency,
            message="m",
            reason="r",
            source="article",
            **(
                {"status": "withdrawn", "withdrawn_at": withdrawn, "withdrawn_reason": "gone"}
                if withdrawn
                else {}
            ),
        )
        Flag.objects.filter(pk=flag.pk).update(created_at=raised)
        began = waiting_since or raised
        resolved = {"status": "resolved", "outcome": outcome, "resolved_at": began + after} if outcome else {}
        Review.objects.create(entry=entry, waiting_since=began, **resolved)
        return entry


@pytest.fixture
def known(db):
    """head_symptoms (soon, 3 days): five reviews with every kind of outcome, one of them late,
    and a flag withdrawn before its entry was resolved. painkiller_use (routine, 14 days): two
    flags still waiting, one of them overdue, and one reviewed three months ago. numbness:
    reviewed two hours after its entry was reopened, a week after it was raised. chest_pain:
    nothing at all."""
    journal = Journal()
    journal.flag("head_symptoms", "soon", raised=RECENT, outcome="needed_care", after=HOUR)
    journal.flag("head_symptoms", "soon", raised=RECENT, outcome="needed_care", after=2 * HOUR)
    journal.flag("head_symptoms", "soon", raised=RECENT, outcome="under_care", after=3 * HOUR)
    journal.flag("head_symptoms", "soon", raised=RECENT, outcome="not_needed", after=10 * HOUR)
    journal.flag("head_symptoms", "soon", raised=RECENT, outcome="not_reached", after=80 * HOUR)
    journal.flag(
        "head_symptoms", "soon", raised=RECENT, outcome="needed_care", after=3 * HOUR, withdrawn=RECENT + HOUR
    )
    journal.flag("painkiller_use", "routine", raised=RECENT)  # waited 29 days: overdue
    journal.flag("painkiller_use", "routine", raised=NOW - 5 * DAY)
    journal.flag("painkiller_use", "routine", raised=EARLIER, outcome="not_needed", after=DAY)
    journal.flag(
        "numbness",
        "soon",
        raised=RECENT,
        waiting_since=RECENT + 7 * DAY,
        outcome="needed_care",
        after=2 * HOUR,
    )
    return journal


def figures(since=None):
    return {row.code: row for row in rule_precision(since=since, now=NOW, limits=waiting_limits())}


def test_a_rule_with_every_kind_of_outcome(known):
    head = figures(SINCE)["head_symptoms"]
    assert (head.raised, head.reviewed) == (6, 5)  # the flag withdrawn first was not what was judged
    assert (head.warranted, head.not_warranted, head.undetermined, head.decided) == (3, 1, 1, 4)
    assert head.share == 0.75
    low, high = head.interval
    assert (round(low, 4), round(high, 4)) == (0.3006, 0.9544)
    assert head.median_to_review == 3 * HOUR  # of 1, 2, 3, 10 and 80 hours
    assert head.overdue == 1  # 80 hours against 3 days


def test_a_rule_with_no_reviews(known):
    pills = figures(SINCE)["painkiller_use"]
    assert (pills.raised, pills.reviewed, pills.decided) == (2, 0, 0)
    assert (pills.share, pills.interval, pills.median_to_review) == (None, None, None)
    assert (pills.share_text, pills.interval_text, pills.median_text) == ("–", "–", "–")
    assert pills.overdue == 1  # still waiting, 29 days against 14


def test_a_rule_that_raised_nothing_is_listed_with_zeros(known):
    chest = figures()["chest_pain"]
    assert (chest.raised, chest.reviewed, chest.overdue, chest.share) == (0, 0, 0, None)
    assert len(figures()) == 13  # every rule


def test_the_time_to_review_counts_from_the_reopening(known):
    numbness = figures()["numbness"]
    assert (numbness.reviewed, numbness.warranted, numbness.median_to_review) == (1, 1, 2 * HOUR)
    assert numbness.overdue == 0


def test_the_period_is_by_when_the_flag_was_raised(known):
    everything = figures()["painkiller_use"]
    assert (everything.raised, everything.reviewed, everything.not_warranted) == (3, 1, 1)
    assert everything.share == 0.0
    assert round(everything.interval[1], 4) == 0.7935
    assert everything.median_to_review == DAY
    assert figures((NOW + DAY).date())["head_symptoms"].raised == 0


def test_an_even_number_of_reviews_takes_the_middle_two(db):
    journal = Journal()
    for hours in (1, 2, 4, 9):
        journal.flag("sleep_disturbance", "routine", raised=RECENT, outcome="needed_care", after=hours * HOUR)
    assert figures()["sleep_disturbance"].median_to_review == 3 * HOUR


# --- The admin ---------------------------------------------------------------------------------

PRECISION = reverse("admin:triage_triagerule_precision")


@pytest.fixture
def admin_client_(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_admins_see_the_figures_per_rule(admin_client_, known):
    response = admin_client_.get(PRECISION, {"since": SINCE.isoformat()})
    assert response.status_code == 200
    rows = {row[0].split(" (")[0]: row for row in table_rows(response.content, "precision-table")}
    assert len(rows) == 13
    assert rows["Head complaints together with back pain"][1:] == [
        "soon", "6", "5", "3 of 4 (1 undetermined)", "75% (30%–95%)", "3 h", "1",
    ]  # fmt: skip
    assert rows["Taking painkillers for the pain"][1:] == ["routine", "2", "0", "0 of 0", "–", "–", "1"]
    assert f"Flags raised since <strong>{SINCE:%-d %B %Y}</strong>" in response.content.decode()


def test_the_figures_link_each_rule_to_its_page(admin_client_, known):
    html = admin_client_.get(PRECISION).content.decode()
    change = reverse("admin:triage_triagerule_change", args=["chest_pain"])
    assert '<tr id="rule-chest_pain">' in html and f'<a href="{change}">Chest pain</a>' in html


def test_a_date_the_form_refuses_shows_every_flag_and_says_why(admin_client_, known):
    response = admin_client_.get(PRECISION, {"since": "not a day"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid date." in html and "Every flag ever raised." in html


def test_the_rules_page_links_to_its_figures(admin_client_, db):
    journal = Journal()
    journal.flag("head_symptoms", "soon", raised=timezone.now() - 2 * DAY, outcome="needed_care", after=HOUR)
    journal.flag("head_symptoms", "soon", raised=timezone.now() - DAY)
    html = admin_client_.get(
        reverse("admin:triage_triagerule_change", args=["head_symptoms"])
    ).content.decode()
    assert "How precise it turned out in review" in html
    assert "2 flag(s) raised, 1 reviewed: warranted in 1 of the 1 whose outcome tells (100%" in html
    since = (timezone.localdate() - 89 * DAY).isoformat()
    assert f'<a href="{PRECISION}?since={since}#rule-head_symptoms">All rules and periods</a>' in html
    listing = admin_client_.get(reverse("admin:triage_triagerule_changelist")).content.decode()
    assert f'<a href="{PRECISION}#rule-head_symptoms">figures</a>' in listing


def test_a_rule_with_no_flags_says_so_on_its_page(admin_client_, db):
    html = admin_client_.get(reverse("admin:triage_triagerule_change", args=["chest_pain"])).content.decode()
    assert "0 flag(s) raised, none reviewed yet." in html


@pytest.mark.parametrize("kind", ["reviewer", "other_staff"])
def test_staff_without_the_rules_permission_get_403(client, db, kind):
    user = make_reviewer() if kind == "reviewer" else UserFactory(username="stan", is_staff=True)
    client.force_login(user)
    assert client.get(PRECISION).status_code == 403


def test_people_are_sent_to_the_admins_login(client, person):
    client.force_login(person)
    assert client.get(PRECISION).status_code == 302


@pytest.mark.parametrize("count", [5, 500])
def test_the_figures_page_runs_a_fixed_number_of_queries(admin_client_, django_assert_max_num_queries, count):
    journal = Journal()
    for n in range(count):
        journal.flag(
            "head_symptoms", "soon", raised=RECENT, outcome="needed_care" if n % 2 else "", after=HOUR
        )
    # session, user, the request's savepoint and its release, waiting times, rules, flags
    with django_assert_max_num_queries(7):
        response = admin_client_.get(PRECISION)
    assert f'<td class="number">{count}</td>' in response.content.decode()


# --- triage_report -----------------------------------------------------------------------------


def report(*args):
    out = io.StringIO()
    call_command("triage_report", *args, stdout=out)
    return out.getvalue()


def test_the_report_prints_the_same_table(known):
    text = report("--since", SINCE.isoformat())
    lines = text.splitlines()
    assert lines[0] == f"How precise each triage rule is: flags raised since {SINCE.isoformat()}."
    assert re.split(r"\s{2,}", lines[1]) == [
        "rule", "urgency", "raised", "reviewed", "warranted", "share", "95 % CI", "median to review",
        "overdue",
    ]  # fmt: skip
    rows = {line.split()[0]: re.split(r"\s{2,}", line.strip()) for line in lines[2:15]}
    assert len(rows) == 13
    assert rows["head_symptoms"] == ["head_symptoms", "soon", "6", "5", "3/4", "75%", "30%–95%", "3 h", "1"]
    assert rows["chest_pain"] == ["chest_pain", "emergency", "0", "0", "0/0", "–", "–", "–", "0"]
    assert "Wilson score interval" in lines[15]


def test_the_report_in_json(known):
    document = json.loads(report("--since", SINCE.isoformat(), "--json"))
    assert document["since"] == SINCE.isoformat()
    assert document["interval"] == "95 % Wilson score interval"
    rules = {row["rule"]: row for row in document["rules"]}
    head = rules["head_symptoms"]
    counts = ("raised", "reviewed", "warranted", "not_warranted", "undetermined")
    assert [head[key] for key in counts] == [6, 5, 3, 1, 1]
    assert head["share_warranted"] == 0.75
    assert [round(bound, 4) for bound in head["interval_95"]] == [0.3006, 0.9544]
    assert (head["median_hours_to_review"], head["overdue"]) == (3.0, 1)
    chest = rules["chest_pain"]
    assert chest["raised"] == 0
    assert chest["share_warranted"] is chest["interval_95"] is chest["median_hours_to_review"] is None


def test_the_report_covers_every_flag_without_since(known):
    rules = {row["rule"]: row for row in json.loads(report("--json"))["rules"]}
    assert rules["painkiller_use"]["raised"] == 3


def test_the_report_refuses_a_day_it_cannot_read(db):
    with pytest.raises(CommandError, match="'2026-13-01' is not a day"):
        report("--since", "2026-13-01")
