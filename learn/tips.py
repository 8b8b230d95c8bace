"""The fixed set of tip conditions: pure functions over one day's entry and the person's history.

Admins write the tip texts in the admin and attach each to one of these conditions; the conditions
themselves live here, in code, so that what "sat too long" means is reviewed and tested. Every
function takes plain values (no ORM, no request, no clock) and answers True or False.

==============================  ================================================================
Condition                       Matches when
==============================  ================================================================
long_sitting                    the entry records 6 hours or more sitting at a screen
hunched_posture                 the entry records sitting mostly hunched
shoulder_loads                  heavy or one-sided loads were carried on the shoulders
shoulders_raised_cold           the shoulders were pulled up against the cold
hard_surface_running            a run (1 minute or more) on asphalt or concrete
no_warm_up                      a run, and the person answered "no" to warming up
no_stretch_after_run            a run, and the person answered "no" to stretching after it
ill_fitting_shoes               a run, and the person answered "no" to well-fitting shoes
no_strength_training_two_weeks  no strength training in the 14 days ending on the entry's day
                                (that day included), and the journal reaches back that far
cold_season_upper_back          autumn or winter (in the person's hemisphere) and upper-back
                                pain of 1 or more
==============================  ================================================================

"Not recorded" never matches: a tip about warming up needs an explicit "no". The table's order is
the order in which tips are offered when more than three conditions match.
"""

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.db import models

LONG_SITTING_HOURS = Decimal(6)
STRENGTH_WINDOW_DAYS = 14
COLD_SEASONS = ("autumn", "winter")
TIPS_SHOWN = 3
T = TypeVar("T")


class Condition(models.TextChoices):
    LONG_SITTING = "long_sitting", "Sat 6 hours or more at a screen"
    HUNCHED_POSTURE = "hunched_posture", "Sat mostly hunched"
    SHOULDER_LOADS = "shoulder_loads", "Carried heavy or one-sided loads on the shoulders"
    SHOULDERS_RAISED_COLD = "shoulders_raised_cold", "Pulled the shoulders up against the cold"
    HARD_SURFACE_RUNNING = "hard_surface_running", "Ran on asphalt or concrete"
    NO_WARM_UP = "no_warm_up", "Ran without warming up"
    NO_STRETCH_AFTER_RUN = "no_stretch_after_run", "Did not stretch after running"
    ILL_FITTING_SHOES = "ill_fitting_shoes", "Running shoes did not fit well"
    NO_STRENGTH_TRAINING_TWO_WEEKS = "no_strength_training_two_weeks", "No strength training for two weeks"
    COLD_SEASON_UPPER_BACK = "cold_season_upper_back", "Autumn or winter with upper-back pain"


@dataclass(frozen=True)
class DayFacts:
    """What one entry records about its day, as plain values."""

    day: datetime.date
    season: str = ""
    upper_back: int = 0
    sitting_hours: Decimal | None = None
    sitting_posture: str = ""
    shoulder_load: bool = False
    shoulders_raised_cold: bool = False
    running_minutes: int | None = None
    running_surface: str = ""
    warmed_up: bool | None = None
    stretched_after: bool | None = None
    shoes_fit: bool | None = None


@dataclass(frozen=True)
class History:
    """The person's journal up to and including the day: its first date, the last strength training."""

    first_entry: datetime.date | None = None
    last_strength_training: datetime.date | None = None


def long_sitting(facts: DayFacts, history: History) -> bool:
    return facts.sitting_hours is not None and facts.sitting_hours >= LONG_SITTING_HOURS


def hunched_posture(facts: DayFacts, history: History) -> bool:
    return facts.sitting_posture == "hunched"


def shoulder_loads(facts: DayFacts, history: History) -> bool:
    return facts.shoulder_load


def shoulders_raised_cold(facts: DayFacts, history: History) -> bool:
    return facts.shoulders_raised_cold


def _ran(facts: DayFacts) -> bool:
    return bool(facts.running_minutes)


def hard_surface_running(facts: DayFacts, history: History) -> bool:
    return _ran(facts) and facts.running_surface == "hard"


def no_warm_up(facts: DayFacts, history: History) -> bool:
    return _ran(facts) and facts.warmed_up is False


def no_stretch_after_run(facts: DayFacts, history: History) -> bool:
    return _ran(facts) and facts.stretched_after is False


def ill_fitting_shoes(facts: DayFacts, history: History) -> bool:
    return _ran(facts) and facts.shoes_fit is False


def no_strength_training_two_weeks(facts: DayFacts, history: History) -> bool:
    # The window is the day and the 13 before it. A journal younger than that cannot tell.
    window_start = facts.day - datetime.timedelta(days=STRENGTH_WINDOW_DAYS - 1)
    if history.first_entry is None or history.first_entry > window_start:
        return False
    return history.last_strength_training is None or history.last_strength_training < window_start


def cold_season_upper_back(facts: DayFacts, history: History) -> bool:
    return facts.season in COLD_SEASONS and facts.upper_back >= 1


CONDITIONS: dict[str, Callable[[DayFacts, History], bool]] = {
    Condition.LONG_SITTING: long_sitting,
    Condition.HUNCHED_POSTURE: hunched_posture,
    Condition.SHOULDER_LOADS: shoulder_loads,
    Condition.SHOULDERS_RAISED_COLD: shoulders_raised_cold,
    Condition.HARD_SURFACE_RUNNING: hard_surface_running,
    Condition.NO_WARM_UP: no_warm_up,
    Condition.NO_STRETCH_AFTER_RUN: no_stretch_after_run,
    Condition.ILL_FITTING_SHOES: ill_fitting_shoes,
    Condition.NO_STRENGTH_TRAINING_TWO_WEEKS: no_strength_training_two_weeks,
    Condition.COLD_SEASON_UPPER_BACK: cold_season_upper_back,
}


def matching_conditions(facts: DayFacts, history: History) -> list[str]:
    """Every condition the day meets, in the documented order."""
    return [condition for condition, check in CONDITIONS.items() if check(facts, history)]


def facts_of(entry: Any) -> DayFacts:
    """The facts of one entry: any object (a journal Entry, a test double) with the entry's field names."""
    return DayFacts(
        **{name: getattr(entry, name) for name in DayFacts.__dataclass_fields__ if name != "day"},
        day=entry.date,
    )


def day_conditions(entries: Iterable[Any], history: History) -> list[str]:
    """The conditions met by any of one day's entries, in the documented order, each once."""
    met = {condition for entry in entries for condition in matching_conditions(facts_of(entry), history)}
    return [condition for condition in CONDITIONS if condition in met]


def pick(
    conditions: Iterable[str],
    tips_by_condition: Mapping[str, Sequence[T]],
    day: datetime.date,
    limit: int = TIPS_SHOWN,
) -> list[T]:
    """Up to ``limit`` tips, one per matching condition in order. When admins wrote several tips for
    a condition, the day chooses among them, so a habit logged daily does not always bring the same text.
    """
    chosen = []
    for condition in conditions:
        candidates = tips_by_condition.get(condition) or []
        if candidates:
            chosen.append(candidates[day.toordinal() % len(candidates)])
        if len(chosen) == limit:
            break
    return chosen
