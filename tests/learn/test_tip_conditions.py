"""Each tip condition on both sides of its boundary: pure functions, no database."""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest

from learn import tips
from learn.tips import Condition, DayFacts, History

DAY = datetime.date(2026, 3, 20)
QUIET = DayFacts(day=DAY, season="spring")
LONG_JOURNAL = History(first_entry=DAY - datetime.timedelta(days=60), last_strength_training=DAY)
RAN = {"running_minutes": 30}


def matches(condition, history=LONG_JOURNAL, **facts):
    return condition in tips.matching_conditions(replace(QUIET, **facts), history)


def test_a_quiet_day_matches_nothing():
    assert tips.matching_conditions(QUIET, LONG_JOURNAL) == []


@pytest.mark.parametrize(
    ("hours", "expected"), [(None, False), (Decimal("5.9"), False), (Decimal("6.0"), True)]
)
def test_long_sitting_starts_at_six_hours(hours, expected):
    assert matches(Condition.LONG_SITTING, sitting_hours=hours) is expected


@pytest.mark.parametrize(("posture", "expected"), [("", False), ("upright", False), ("hunched", True)])
def test_hunched_posture(posture, expected):
    assert matches(Condition.HUNCHED_POSTURE, sitting_posture=posture) is expected


@pytest.mark.parametrize("loaded", [False, True])
def test_shoulder_loads(loaded):
    assert matches(Condition.SHOULDER_LOADS, shoulder_load=loaded) is loaded


@pytest.mark.parametrize("raised", [False, True])
def test_shoulders_raised_cold(raised):
    assert matches(Condition.SHOULDERS_RAISED_COLD, shoulders_raised_cold=raised) is raised


@pytest.mark.parametrize(
    ("minutes", "surface", "expected"),
    [
        (None, "hard", False),
        (0, "hard", False),
        (1, "hard", True),
        (30, "grass", False),
        (30, "track", False),
    ],
)
def test_hard_surface_running_needs_a_run_on_asphalt_or_concrete(minutes, surface, expected):
    assert (
        matches(Condition.HARD_SURFACE_RUNNING, running_minutes=minutes, running_surface=surface) is expected
    )


@pytest.mark.parametrize(
    ("condition", "field"),
    [
        (Condition.NO_WARM_UP, "warmed_up"),
        (Condition.NO_STRETCH_AFTER_RUN, "stretched_after"),
        (Condition.ILL_FITTING_SHOES, "shoes_fit"),
    ],
)
@pytest.mark.parametrize(
    ("minutes", "answer", "expected"),
    [(30, False, True), (30, True, False), (30, None, False), (None, False, False), (0, False, False)],
)
def test_run_habits_need_a_run_and_an_explicit_no(condition, field, minutes, answer, expected):
    assert matches(condition, running_minutes=minutes, **{field: answer}) is expected


def days_before(n):
    return DAY - datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("last_strength", "expected"),
    [(None, True), (days_before(14), True), (days_before(13), False), (DAY, False)],
)
def test_no_strength_training_counts_fourteen_days_including_today(last_strength, expected):
    history = History(first_entry=days_before(30), last_strength_training=last_strength)
    assert matches(Condition.NO_STRENGTH_TRAINING_TWO_WEEKS, history=history) is expected


@pytest.mark.parametrize(
    ("first_entry", "expected"), [(None, False), (days_before(12), False), (days_before(13), True)]
)
def test_no_strength_training_needs_a_journal_reaching_back_fourteen_days(first_entry, expected):
    history = History(first_entry=first_entry, last_strength_training=None)
    assert matches(Condition.NO_STRENGTH_TRAINING_TWO_WEEKS, history=history) is expected


@pytest.mark.parametrize(
    ("season", "upper_back", "expected"),
    [
        ("autumn", 1, True),
        ("winter", 1, True),
        ("autumn", 0, False),
        ("winter", 0, False),
        ("spring", 5, False),
        ("summer", 5, False),
    ],
)
def test_cold_season_upper_back_needs_autumn_or_winter_and_upper_back_pain(season, upper_back, expected):
    assert matches(Condition.COLD_SEASON_UPPER_BACK, season=season, upper_back=upper_back) is expected


def test_every_condition_has_a_documented_function():
    assert set(tips.CONDITIONS) == set(Condition)
    for condition in Condition:
        assert condition.value in tips.__doc__


def test_conditions_come_in_the_documented_order():
    facts = replace(QUIET, upper_back=2, season="winter", sitting_hours=Decimal(8), shoulder_load=True)
    assert tips.matching_conditions(facts, LONG_JOURNAL) == [
        Condition.LONG_SITTING,
        Condition.SHOULDER_LOADS,
        Condition.COLD_SEASON_UPPER_BACK,
    ]


def test_a_condition_met_by_any_entry_of_the_day_counts_once():
    morning = replace(QUIET, sitting_hours=Decimal(7))
    evening = replace(QUIET, sitting_hours=Decimal(7), shoulder_load=True)
    entries = [type("E", (), {**vars_of(f), "date": DAY})() for f in (morning, evening)]
    assert tips.day_conditions(entries, LONG_JOURNAL) == [Condition.LONG_SITTING, Condition.SHOULDER_LOADS]


def vars_of(facts):
    return {name: getattr(facts, name) for name in facts.__dataclass_fields__ if name != "day"}


def test_pick_takes_at_most_three_one_per_condition():
    conditions = list(Condition)[:5]
    by_condition = {condition: [f"{condition}-a", f"{condition}-b"] for condition in conditions}
    picked = tips.pick(conditions, by_condition, DAY)
    assert len(picked) == 3
    assert [tip.rsplit("-", 1)[0] for tip in picked] == [str(c) for c in conditions[:3]]


def test_pick_skips_conditions_without_tips_and_rotates_by_day():
    conditions = [Condition.LONG_SITTING, Condition.HUNCHED_POSTURE]
    by_condition = {Condition.HUNCHED_POSTURE: ["one", "two"]}
    today = tips.pick(conditions, by_condition, DAY)
    tomorrow = tips.pick(conditions, by_condition, DAY + datetime.timedelta(days=1))
    assert len(today) == 1
    assert {today[0], tomorrow[0]} == {"one", "two"}
