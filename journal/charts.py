"""Geometry of the small server-drawn SVG chart of daily highest pain (no script, no inline style)."""

from dataclasses import dataclass

from journal.vocabulary import INTENSITY_MAX

WIDTH, HEIGHT, GAP, LABEL_SPACE = 280, 120, 4, 16


@dataclass(frozen=True)
class Bar:
    date: object
    pain: int | None
    x: float
    y: float
    width: float
    height: float
    level: str  # a CSS class suffix: none, low, moderate, severe


def _level(pain):
    if pain is None:
        return "none"
    if pain <= 3:
        return "low"
    if pain <= 6:
        return "moderate"
    return "severe"


def pain_bars(days):
    """One bar per DayPain; a day without entries gets a thin placeholder bar."""
    slot = WIDTH / max(len(days), 1)
    usable = HEIGHT - LABEL_SPACE
    bars = []
    for index, day in enumerate(days):
        height = usable * (day.pain or 0) / INTENSITY_MAX
        height = max(height, 2)
        bars.append(
            Bar(
                date=day.date,
                pain=day.pain,
                x=round(index * slot + GAP / 2, 1),
                y=round(usable - height, 1),
                width=round(slot - GAP, 1),
                height=round(height, 1),
                level=_level(day.pain),
            )
        )
    return bars
