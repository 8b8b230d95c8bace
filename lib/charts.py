"""Geometry of the server-drawn SVG charts of pain on the 0-10 scale (no script, no inline style).

Two charts: a few days of bars with a label under every day (the dashboard, the review page), and
a period of up to years with a 7-day average line and marked days (the insights). Positions are
in the SVG's own units; the templates draw them and CSS scales the whole picture.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

# The top of the 0-10 pain scale every chart is drawn against.
SCALE_MAX = 10
Y_TICKS = (0, 2, 4, 6, 8, 10)


class Day(Protocol):
    """A day of a chart: its date and its highest pain, None when nothing was logged."""

    @property
    def date(self) -> datetime.date: ...

    @property
    def pain(self) -> int | None: ...


class Bar(NamedTuple):
    date: datetime.date
    pain: int | None
    x: float
    y: float
    width: float
    height: float
    level: str  # a CSS class suffix: none, low, moderate, severe

    @property
    def center(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass(frozen=True)
class Tick:
    """A gridline of the pain axis (y) with its label."""

    value: int
    y: float


@dataclass(frozen=True)
class DateTick:
    """A labelled date under the chart; the template formats ``date`` with ``format``."""

    date: datetime.date
    x: float
    format: str


@dataclass(frozen=True)
class Frame:
    """The chart's size and the rectangle the data is drawn in."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float

    def y(self, pain: float) -> float:
        return round(self.bottom - (self.bottom - self.top) * pain / SCALE_MAX, 1)

    @property
    def ticks(self) -> list[Tick]:
        return [Tick(value=value, y=self.y(value)) for value in Y_TICKS]


def pain_level(pain: int | None) -> str:
    if pain is None:
        return "none"
    if pain <= 3:
        return "low"
    if pain <= 6:
        return "moderate"
    return "severe"


def shade(value: float | None) -> int:
    """A shade from 0 (no pain, or nothing known) to 5 (8 to 10) for a map coloured by pain."""
    if not value:
        return 0
    return min(5, math.ceil(value / 2))


def _bars(days: Sequence[Day], frame: Frame, *, gap: float) -> list[Bar]:
    """One bar per day; a day without entries gets a thin placeholder bar."""
    slot = (frame.right - frame.left) / max(len(days), 1)
    gap = gap if slot > 3 * gap else 0
    width = round(max(slot - gap, 0.4), 2)
    # Eleven possible heights, worked out once for years of days.
    heights = [round(max(frame.bottom - frame.y(pain), 1.5), 1) for pain in range(SCALE_MAX + 1)]
    levels = {pain: pain_level(pain) for pain in (None, *range(SCALE_MAX + 1))}
    bars = []
    for index, day in enumerate(days):
        height = heights[min(day.pain or 0, SCALE_MAX)]  # the scale ends at 10
        bars.append(
            Bar(
                date=day.date,
                pain=day.pain,
                x=round(frame.left + index * slot + gap / 2, 2),
                y=round(frame.bottom - height, 1),
                width=width,
                height=height,
                level=levels.get(day.pain, "severe"),
            )
        )
    return bars


# --- A few days, each labelled ------------------------------------------------------------------


@dataclass(frozen=True)
class DayChart:
    frame: Frame
    bars: list[Bar]
    # Every day's label, or every second or third one when the days would not fit.
    labels: list[Bar]


def day_chart(days: Sequence[Day]) -> DayChart:
    """Bars for a few weeks of days, a pain axis at 0, 2, ... 10 and the date under the bars."""
    frame = Frame(width=320, height=150, left=22, right=316, top=6, bottom=122)
    bars = _bars(days, frame, gap=3)
    # At least 18 units a label: 14 days get one each, 30 days one every second day.
    step = max(1, math.ceil(len(days) * 18 / (frame.right - frame.left)))
    first_label = (len(bars) - 1) % step  # count back from the last day, so today is labelled
    return DayChart(frame=frame, bars=bars, labels=bars[first_label::step])


# --- A period of up to years --------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodChart:
    frame: Frame
    bars: list[Bar]
    # The 7-day average as SVG polyline points, one string per unbroken stretch.
    average_lines: list[str]
    marks: list[Bar]  # the bars of marked (flagged) days
    date_ticks: list[DateTick]


def _date_ticks(first: datetime.date, last: datetime.date, frame: Frame, slot: float) -> list[DateTick]:
    span = (last - first).days + 1
    ticks = []
    day = first
    while day <= last:
        if span <= 45:
            chosen, label = day.weekday() == 0, "j M"  # Mondays
        elif span <= 400:
            chosen, label = day.day == 1, "M" if day.month != 1 else "M Y"  # months
        else:
            chosen, label = day.day == 1 and day.month in (1, 4, 7, 10), "M Y"  # quarters
        if chosen:
            x = frame.left + ((day - first).days + 0.5) * slot
            ticks.append(DateTick(date=day, x=round(x, 1), format=label))
        day += datetime.timedelta(days=1)
    return ticks


def period_chart(
    days: Sequence[Day], averages: Sequence[float | None], *, marked: Collection[datetime.date] = ()
) -> PeriodChart:
    """Daily bars over the period, the average as a line over them, marked days flagged on top."""
    frame = Frame(width=720, height=240, left=26, right=712, top=18, bottom=214)
    bars = _bars(days, frame, gap=2)
    slot = (frame.right - frame.left) / max(len(days), 1)
    lines: list[list[str]] = []
    stretch: list[str] = []
    for bar, mean in zip(bars, averages, strict=True):
        if mean is None:
            if stretch:
                lines.append(stretch)
            stretch = []
            continue
        stretch.append(f"{bar.center},{frame.y(mean)}")
    if stretch:
        lines.append(stretch)
    return PeriodChart(
        frame=frame,
        bars=bars,
        # A lone point draws nothing as a line: it is doubled into a dot-sized stroke.
        average_lines=[" ".join(points if len(points) > 1 else points * 2) for points in lines],
        marks=[bar for bar in bars if bar.date in marked],
        date_ticks=_date_ticks(days[0].date, days[-1].date, frame, slot) if days else [],
    )


# --- A few labelled rows ------------------------------------------------------------------------


@dataclass(frozen=True)
class RowBar:
    label: str
    value: float
    note: str  # said after the value, as "(31 days)"
    y: float
    width: float
    level: str
    end: float  # where the bar ends: its value is written after it
    baseline: float  # of the row's text


@dataclass(frozen=True)
class RowChart:
    width: int
    height: int
    left: float  # where the bars start, after the labels
    right: float
    rows: list[RowBar]

    @property
    def ticks(self) -> list[tuple[int, float]]:
        """The 0-10 scale along the bars: (value, x)."""
        span = self.right - self.left
        return [(value, round(self.left + span * value / SCALE_MAX, 1)) for value in Y_TICKS]


ROW_HEIGHT = 28


def row_chart(rows: Sequence[tuple[str, float, str]]) -> RowChart:
    """Horizontal bars of averages on the 0-10 scale, one row per (label, value, note)."""
    left, right = 64, 300
    return RowChart(
        width=360,
        height=len(rows) * ROW_HEIGHT + 18,
        left=left,
        right=right,
        rows=[
            RowBar(
                label=label,
                value=value,
                note=note,
                y=index * ROW_HEIGHT + 4,
                width=round((right - left) * value / SCALE_MAX, 1),
                level=pain_level(math.floor(value + 0.5)),
                end=round(left + (right - left) * value / SCALE_MAX, 1),
                baseline=index * ROW_HEIGHT + 18,
            )
            for index, (label, value, note) in enumerate(rows)
        ],
    )
