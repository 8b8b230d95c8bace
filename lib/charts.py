"""Geometry of the small server-drawn SVG chart of daily highest pain (no script, no inline style)."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# The top of the 0-10 pain scale every bar is drawn against.
SCALE_MAX = 10
WIDTH, HEIGHT, GAP, LABEL_SPACE = 280, 120, 4, 16


class Day(Protocol):
    """A day of the chart: its date and its highest pain, None when nothing was logged."""

    @property
    def date(self) -> datetime.date: ...

    @property
    def pain(self) -> int | None: ...


@dataclass(frozen=True)
class Bar:
    date: datetime.date
    pain: int | None
    x: float
    y: float
    width: float
    height: float
    level: str  # a CSS class suffix: none, low, moderate, severe


def pain_level(pain: int | None) -> str:
    if pain is None:
        return "none"
    if pain <= 3:
        return "low"
    if pain <= 6:
        return "moderate"
    return "severe"


def pain_bars(days: Sequence[Day]) -> list[Bar]:
    """One bar per day; a day without entries gets a thin placeholder bar."""
    slot = WIDTH / max(len(days), 1)
    usable = HEIGHT - LABEL_SPACE
    bars = []
    for index, day in enumerate(days):
        height = max(usable * (day.pain or 0) / SCALE_MAX, 2)
        bars.append(
            Bar(
                date=day.date,
                pain=day.pain,
                x=round(index * slot + GAP / 2, 1),
                y=round(usable - height, 1),
                width=round(slot - GAP, 1),
                height=round(height, 1),
                level=pain_level(day.pain),
            )
        )
    return bars
