"""What the journal tells a person: the figures of the insights page, computed from plain values.

No ORM, no clock, no request: the selector hands in a period's entries (``EntryValues``), the page
hands in the period and the days triage flagged, and everything here is arithmetic on days. Every
figure counts days, and a day's pain is the highest pain of that day's entries. docs/insights.md
explains each figure and the tests behind the words about habits.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from types import MappingProxyType
from typing import Any, NamedTuple

from journal.vocabulary import Region, Season

REGIONS: tuple[str, ...] = tuple(Region.values)
WHOLE_BACK = "back"
# Fewer days than this on either side of a habit, and the page says there is too little data.
MIN_DAYS_PER_SIDE = 3
MOVING_AVERAGE_DAYS = 7
# Below these p-values a difference is called a clear or a possible link (docs/insights.md).
CLEAR_LINK, POSSIBLE_LINK = 0.01, 0.05


# --- What goes in ----------------------------------------------------------------------------


_NONE: Mapping[str, int] = MappingProxyType({})


class EntryValues(NamedTuple):
    """The fields of one entry the insights read. Habits keep the journal's "not recorded":
    None for numbers and yes/no answers, "" for choices. (Tuples: years of entries are read.)"""

    date: datetime.date
    season: str = Season.WINTER.value
    regions: Mapping[str, int] = _NONE
    spasms: int = 0
    sitting_hours: Decimal | float | None = None
    sitting_posture: str = ""
    shoulder_load: bool = False
    shoulders_raised_cold: bool = False
    running_minutes: int | None = None
    running_surface: str = ""
    warmed_up: bool | None = None
    stretched_after: bool | None = None
    shoes_fit: bool | None = None
    strength_training: bool = False

    @property
    def pain(self) -> int:
        return max(self.regions.values(), default=0)

    @property
    def ran(self) -> bool:
        return bool(self.running_minutes)


@dataclass(frozen=True)
class MedicationIntake:
    """One medication taken on a day, with the relief it brought (0-10, None when not noted)."""

    date: datetime.date
    name: str
    relief: int | None = None


# --- Habits -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Habit:
    code: str
    label: str  # what a person reads over the habit's table
    with_label: str  # the table's row of the days with it
    without_label: str  # ... and without it
    region: str  # the region it concerns most
    # True when an entry records the habit, False when it records only its absence, None when
    # the entry says nothing about it.
    state: Callable[[EntryValues], bool | None]


def _sitting_long(entry: EntryValues) -> bool | None:
    return None if entry.sitting_hours is None else entry.sitting_hours >= 6


def _hunched(entry: EntryValues) -> bool | None:
    return {"hunched": True, "upright": False}.get(entry.sitting_posture)


def _hard_surface(entry: EntryValues) -> bool | None:
    if not entry.ran or not entry.running_surface:
        return None
    return entry.running_surface == "hard"


def _run_without(answer: Callable[[EntryValues], bool | None]) -> Callable[[EntryValues], bool | None]:
    """A running habit that is the absence of a yes (warm-up, stretching, fitting shoes)."""

    def state(entry: EntryValues) -> bool | None:
        value = answer(entry)
        return None if not entry.ran or value is None else not value

    return state


HABITS: tuple[Habit, ...] = (
    Habit("sitting_6h_plus", "Sitting 6 hours or more", "Sat 6 hours or more", "Sat less",
          Region.UPPER_BACK, _sitting_long),
    Habit("hunched", "Sitting hunched rather than upright", "Sat hunched", "Sat upright",
          Region.UPPER_BACK, _hunched),
    Habit("shoulder_load", "Loads on the shoulders", "Carried loads", "No loads",
          Region.UPPER_BACK, lambda entry: entry.shoulder_load),
    Habit("shoulders_raised_cold", "Shoulders pulled up against the cold", "Pulled them up", "Did not",
          Region.UPPER_BACK, lambda entry: entry.shoulders_raised_cold),
    Habit("ran_on_hard_surface", "Running on a hard surface", "Ran on asphalt or concrete",
          "Ran on a softer surface", Region.LOWER_BACK, _hard_surface),
    Habit("ran_without_warm_up", "Running without a warm-up", "Ran without warming up", "Warmed up first",
          Region.LOWER_BACK, _run_without(lambda entry: entry.warmed_up)),
    Habit("no_stretch_after_run", "No stretching after a run", "Did not stretch after", "Stretched after",
          Region.LOWER_BACK, _run_without(lambda entry: entry.stretched_after)),
    Habit("shoes_did_not_fit", "Shoes that did not fit", "Shoes did not fit", "Shoes fit",
          Region.LOWER_BACK, _run_without(lambda entry: entry.shoes_fit)),
    Habit("strength_training", "Strength training", "Trained strength", "Did not",
          Region.LOWER_BACK, lambda entry: entry.strength_training),
)  # fmt: skip
HABITS_BY_CODE = {habit.code: habit for habit in HABITS}


# --- Days -------------------------------------------------------------------------------------


class Day(NamedTuple):
    """One logged day: the highest pain of its entries, overall and per region."""

    date: datetime.date
    season: str
    pain: int
    regions: Mapping[str, int]
    spasm: bool
    habits: Mapping[str, bool | None]


def _day_state(states: Iterable[bool | None]) -> bool | None:
    """With the habit when any entry records it; without when the entries record only its
    absence; neither when no entry says."""
    seen = [state for state in states if state is not None]
    if not seen:
        return None
    return any(seen)


def _day(group: Sequence[EntryValues]) -> Day:
    if len(group) == 1:  # most days: nothing to combine
        entry = group[0]
        return Day(
            date=entry.date,
            season=entry.season,
            pain=entry.pain,
            # The selector's entries carry every region already.
            regions=entry.regions
            if len(entry.regions) == len(REGIONS)
            else {region: entry.regions.get(region, 0) for region in REGIONS},
            spasm=entry.spasms > 0,
            habits={habit.code: habit.state(entry) for habit in HABITS},
        )
    return Day(
        date=group[0].date,
        season=group[0].season,
        pain=max(entry.pain for entry in group),
        regions={region: max(entry.regions.get(region, 0) for entry in group) for region in REGIONS},
        spasm=any(entry.spasms > 0 for entry in group),
        habits={habit.code: _day_state(habit.state(entry) for entry in group) for habit in HABITS},
    )


def days_of(entries: Iterable[EntryValues]) -> list[Day]:
    """The logged days of ``entries``, oldest first."""
    by_date: dict[datetime.date, list[EntryValues]] = defaultdict(list)
    for entry in entries:
        by_date[entry.date].append(entry)
    return [_day(by_date[date]) for date in sorted(by_date)]


# --- Rounding and the tests -------------------------------------------------------------------


def rounded(value: float | Decimal | None, places: int = 1) -> float | None:
    """Half up, as people round (Python's round() goes to the even neighbour)."""
    if value is None:
        return None
    step = Decimal(1).scaleb(-places)
    return float(Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP))


def _half_up(numerator: int, denominator: int, places: int) -> float:
    """numerator / denominator rounded half up to ``places`` decimals, exactly (whole numbers,
    not negative): floor(x * 10^places + 1/2) is floor((2 * 10^places * n + d) / 2d)."""
    scale: int = 10**places
    return ((2 * scale * numerator + denominator) // (2 * denominator)) / scale


def average(values: Sequence[int]) -> float | None:
    """The mean rounded half up to one decimal, computed exactly; None for no values."""
    if not values:
        return None
    return _half_up(sum(values), len(values), 1)


def share(count: int, total: int) -> float | None:
    """count / total rounded half up to two decimals; None for no days."""
    if not total:
        return None
    return _half_up(count, total, 2)


def rank_sum_p(first: Sequence[float], second: Sequence[float]) -> float:
    """Two-sided p-value of the Wilcoxon rank-sum (Mann-Whitney U) test, by the normal
    approximation with the correction for ties and for continuity. 1.0 when every value is equal."""
    n1, n2 = len(first), len(second)
    n = n1 + n2
    if not n1 or not n2:
        return 1.0
    ordered = sorted([(value, 0) for value in first] + [(value, 1) for value in second])
    rank_sum, ties, i = 0.0, 0.0, 0
    while i < n:
        j = i
        while j + 1 < n and ordered[j + 1][0] == ordered[i][0]:
            j += 1
        midrank = (i + j) / 2 + 1
        tied = j - i + 1
        ties += tied**3 - tied
        rank_sum += midrank * sum(1 for k in range(i, j + 1) if ordered[k][1] == 0)
        i = j + 1
    u = rank_sum - n1 * (n1 + 1) / 2
    variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
    if variance <= 0:
        return 1.0
    z = max(abs(u - n1 * n2 / 2) - 0.5, 0) / math.sqrt(variance)
    return min(1.0, math.erfc(z / math.sqrt(2)))


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact_p(with_yes: int, with_no: int, without_yes: int, without_no: int) -> float:
    """Two-sided p-value of Fisher's exact test on a 2x2 table: the probability, with the margins
    fixed, of a table at most as likely as the one observed."""
    row = with_yes + with_no
    column = with_yes + without_yes
    total = row + without_yes + without_no
    if not row or row == total or not column or column == total:
        return 1.0

    def log_p(x: int) -> float:
        return _log_comb(column, x) + _log_comb(total - column, row - x) - _log_comb(total, row)

    observed = log_p(with_yes)
    low, high = max(0, row - (total - column)), min(row, column)
    logs = [log_p(x) for x in range(low, high + 1)]
    return min(1.0, sum(math.exp(log) for log in logs if log <= observed + 1e-7))


def link_of(p: float) -> str:
    """clear, possible or none: how strongly the days speak for a link."""
    if p < CLEAR_LINK:
        return "clear"
    if p < POSSIBLE_LINK:
        return "possible"
    return "none"


LINK_WORDS = {
    "clear": "a clear link: a difference this large is unlikely to be chance over this many days",
    "possible": "a possible link: it could still be chance, so watch whether it holds",
    "none": "no clear link: over this many days a difference like this could well be chance",
}


# --- The figures ------------------------------------------------------------------------------


class PainDay(NamedTuple):
    """A calendar day of the period: None where nothing was logged."""

    date: datetime.date
    pain: int | None
    regions: Mapping[str, int | None]
    average_7_days: float | None
    flagged: bool


@dataclass(frozen=True)
class RegionFigure:
    region: str
    label: str
    average_pain: float | None  # over every logged day, a day it did not hurt counting 0
    days_hurt: int


@dataclass(frozen=True)
class SeasonFigure:
    season: str
    label: str
    days: int
    average_pain: float


@dataclass(frozen=True)
class Side:
    days: int
    average_pain: float | None
    spasm_share: float | None


@dataclass(frozen=True)
class Comparison:
    """A test of one difference between the days with and without a habit."""

    test: str
    p_value: float
    link: str
    words: str


@dataclass(frozen=True)
class HabitFigure:
    habit: str
    label: str
    region: str
    region_label: str
    with_: Side
    without: Side
    enough_data: bool
    pain: Comparison | None
    spasms: Comparison | None


@dataclass(frozen=True)
class MedicationFigure:
    name: str
    days_taken: int
    median_relief: float | None
    relief_days: int  # the days on which a relief was noted, behind the median


@dataclass(frozen=True)
class Insights:
    first: datetime.date
    last: datetime.date
    days_logged: int
    pain_over_time: list[PainDay]
    regions: list[RegionFigure]
    seasons: list[SeasonFigure]
    habits: list[HabitFigure]
    medications: list[MedicationFigure]

    @property
    def calendar_days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def habits_paired(self) -> list[tuple[Habit, HabitFigure, HabitFigure]]:
        """Each habit with its figures for the whole back and for its region."""
        by_key = {(figure.habit, figure.region): figure for figure in self.habits}
        return [(habit, by_key[habit.code, WHOLE_BACK], by_key[habit.code, habit.region]) for habit in HABITS]


def moving_average(values: Sequence[int | None], window: int = MOVING_AVERAGE_DAYS) -> list[float | None]:
    """For each day, the average of the logged days among it and the ``window - 1`` days before;
    None when none of them was logged."""
    result = []
    for index in range(len(values)):
        logged = [value for value in values[max(0, index - window + 1) : index + 1] if value is not None]
        result.append(average(logged))
    return result


def pain_over_time(
    days: Sequence[Day], *, first: datetime.date, last: datetime.date, flagged: Collection[datetime.date]
) -> list[PainDay]:
    by_date = {day.date: day for day in days}
    calendar = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    pains = [by_date[date].pain if date in by_date else None for date in calendar]
    averages = moving_average(pains)
    return [
        PainDay(
            date=date,
            pain=pain,
            regions={
                region: by_date[date].regions[region] if date in by_date else None for region in REGIONS
            },
            average_7_days=mean,
            flagged=date in flagged,
        )
        for date, pain, mean in zip(calendar, pains, averages, strict=True)
    ]


class SeriesDay(NamedTuple):
    """A day of the pain-over-time chart for the whole back or one region."""

    date: datetime.date
    pain: int | None
    average_7_days: float | None
    flagged: bool


def series(days: Sequence[PainDay], region: str = WHOLE_BACK) -> list[SeriesDay]:
    """The daily highest pain of ``region`` ("back": the whole back) with its 7-day average."""
    if region == WHOLE_BACK:
        return [SeriesDay(day.date, day.pain, day.average_7_days, day.flagged) for day in days]
    pains = [day.regions[region] for day in days]
    return [
        SeriesDay(day.date, pain, mean, day.flagged)
        for day, pain, mean in zip(days, pains, moving_average(pains), strict=True)
    ]


def region_figures(days: Sequence[Day]) -> list[RegionFigure]:
    return [
        RegionFigure(
            region=region.value,
            label=region.label,
            average_pain=average([day.regions[region] for day in days]),
            days_hurt=sum(1 for day in days if day.regions[region] > 0),
        )
        for region in Region
    ]


def season_figures(days: Sequence[Day]) -> list[SeasonFigure]:
    figures = []
    for season in Season:
        pains = [day.pain for day in days if day.season == season]
        if pains:
            figures.append(
                SeasonFigure(
                    season=season.value,
                    label=season.label,
                    days=len(pains),
                    average_pain=average(pains) or 0.0,
                )
            )
    return figures


def _pain_words(with_: float, without: float, link: str) -> str:
    if with_ == without:
        comparison = f"Pain averaged {with_} on both sides"
    else:
        more = "more" if with_ > without else "less"
        comparison = f"Your back hurt {more} on these days: {with_} against {without}"
    return f"{comparison}; {LINK_WORDS[link]}."


def _spasm_words(with_: float, without: float, link: str) -> str:
    comparison = f"Spasms came on {round(with_ * 100)}% of these days against {round(without * 100)}%"
    return f"{comparison}; {LINK_WORDS[link]}."


def _spasm_comparison(with_days: Sequence[Day], without_days: Sequence[Day]) -> Comparison:
    spasm_with = sum(day.spasm for day in with_days)
    spasm_without = sum(day.spasm for day in without_days)
    p = fisher_exact_p(
        spasm_with, len(with_days) - spasm_with, spasm_without, len(without_days) - spasm_without
    )
    return Comparison(
        test="fisher_exact",
        p_value=p,
        link=link_of(p),
        words=_spasm_words(
            share(spasm_with, len(with_days)) or 0.0,
            share(spasm_without, len(without_days)) or 0.0,
            link_of(p),
        ),
    )


def habit_figures_of(days: Sequence[Day], habit: Habit) -> list[HabitFigure]:
    """The habit for the whole back, then for the region it concerns most."""
    with_days = [day for day in days if day.habits[habit.code] is True]
    without_days = [day for day in days if day.habits[habit.code] is False]
    enough = len(with_days) >= MIN_DAYS_PER_SIDE and len(without_days) >= MIN_DAYS_PER_SIDE
    # The spasms of a day are the day's, whatever the region: one test serves both rows.
    spasms = _spasm_comparison(with_days, without_days) if enough else None
    figures = []
    for region in (WHOLE_BACK, habit.region):
        if region == WHOLE_BACK:
            with_pains = [day.pain for day in with_days]
            without_pains = [day.pain for day in without_days]
        else:
            with_pains = [day.regions[region] for day in with_days]
            without_pains = [day.regions[region] for day in without_days]
        pain = None
        if enough:
            p = rank_sum_p(with_pains, without_pains)
            pain = Comparison(
                test="wilcoxon_rank_sum",
                p_value=p,
                link=link_of(p),
                words=_pain_words(average(with_pains) or 0.0, average(without_pains) or 0.0, link_of(p)),
            )

        def side(group: Sequence[Day], pains: Sequence[int]) -> Side:
            # Too little data: no number at all, on either side (the page says why instead).
            if not enough:
                return Side(days=len(group), average_pain=None, spasm_share=None)
            return Side(
                days=len(group),
                average_pain=average(pains),
                spasm_share=share(sum(day.spasm for day in group), len(group)),
            )

        figures.append(
            HabitFigure(
                habit=habit.code,
                label=habit.label,
                region=region,
                region_label="whole back" if region == WHOLE_BACK else region.replace("_", " "),
                with_=side(with_days, with_pains),
                without=side(without_days, without_pains),
                enough_data=enough,
                pain=pain,
                spasms=spasms,
            )
        )
    return figures


def habit_figures(days: Sequence[Day]) -> list[HabitFigure]:
    """Each habit for the whole back, then for the region it concerns most."""
    return [figure for habit in HABITS for figure in habit_figures_of(days, habit)]


def medication_figures(intakes: Iterable[MedicationIntake]) -> list[MedicationFigure]:
    """Per medication (by name, ignoring case and spaces around it): the days it was taken and the
    median of each day's relief (a day with two intakes counts its best relief)."""
    days: dict[str, set[datetime.date]] = defaultdict(set)
    relief: dict[str, dict[datetime.date, int]] = defaultdict(dict)
    names: dict[str, str] = {}
    for intake in intakes:
        key = " ".join(intake.name.split()).casefold()
        if not key:
            continue
        names.setdefault(key, " ".join(intake.name.split()))
        days[key].add(intake.date)
        if intake.relief is not None:
            relief[key][intake.date] = max(relief[key].get(intake.date, 0), intake.relief)
    figures = [
        MedicationFigure(
            name=names[key],
            days_taken=len(days[key]),
            median_relief=rounded(median(relief[key].values())) if relief[key] else None,
            relief_days=len(relief[key]),
        )
        for key in days
    ]
    return sorted(figures, key=lambda figure: (-figure.days_taken, figure.name.casefold()))


def insights(
    *,
    entries: Iterable[EntryValues],
    first: datetime.date,
    last: datetime.date,
    flagged: Collection[datetime.date] = (),
    intakes: Iterable[MedicationIntake] = (),
) -> Insights:
    """Every figure of the period ``first`` to ``last`` (both included). Entries outside it are
    left out, so a caller may hand in more."""
    days = [day for day in days_of(entries) if first <= day.date <= last]
    return Insights(
        first=first,
        last=last,
        days_logged=len(days),
        pain_over_time=pain_over_time(days, first=first, last=last, flagged=flagged),
        regions=region_figures(days),
        seasons=season_figures(days),
        habits=habit_figures(days),
        medications=medication_figures(intake for intake in intakes if first <= intake.date <= last),
    )


# --- As data ----------------------------------------------------------------------------------


def _side_data(side: Side) -> dict[str, Any]:
    return {"days": side.days, "average_pain": side.average_pain, "spasm_share": side.spasm_share}


def _comparison_data(comparison: Comparison | None) -> dict[str, Any] | None:
    if comparison is None:
        return None
    return {"test": comparison.test, "p_value": rounded(comparison.p_value, 3), "link": comparison.link}


def as_data(figures: Insights) -> dict[str, Any]:
    """The figures behind every chart and table, in the names of /journal/insights/data.json."""
    return {
        "from": figures.first.isoformat(),
        "to": figures.last.isoformat(),
        "days_logged": figures.days_logged,
        "pain_over_time": [
            {
                "date": day.date.isoformat(),
                "pain": day.pain,
                "average_7_days": day.average_7_days,
                "flagged": day.flagged,
                "regions": dict(day.regions),
            }
            for day in figures.pain_over_time
        ],
        "regions": [
            {"region": figure.region, "average_pain": figure.average_pain, "days_hurt": figure.days_hurt}
            for figure in figures.regions
        ],
        "seasons": [
            {"season": figure.season, "days": figure.days, "average_pain": figure.average_pain}
            for figure in figures.seasons
        ],
        "habits": [
            {
                "habit": figure.habit,
                "region": figure.region,
                "with": _side_data(figure.with_),
                "without": _side_data(figure.without),
                "enough_data": figure.enough_data,
                "pain_difference": _comparison_data(figure.pain),
                "spasm_difference": _comparison_data(figure.spasms),
            }
            for figure in figures.habits
        ],
        "medications": [
            {
                "medication": figure.name,
                "days_taken": figure.days_taken,
                "median_relief": figure.median_relief,
                "relief_days": figure.relief_days,
            }
            for figure in figures.medications
        ],
    }
