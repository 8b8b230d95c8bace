"""The long parts of the insights page, written in Python: years of days are a thousand bars and
rows, which the template language would take most of the page's time to write out. What goes in
is numbers, the fixed level names and the escaped day labels, so the output is marked safe."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape
from typing import NamedTuple

from django import template
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.safestring import SafeString, mark_safe

from journal.insights import SeriesDay
from lib.charts import PeriodChart

register = template.Library()
# Bars narrower than this (in the chart's units; 720 across) get no tooltip.
MIN_TITLED_WIDTH = 1.5


class _Names(NamedTuple):
    weekdays: list[str]
    months: list[str]


def _day_namer() -> _Names:
    """The names of the date filter's "D j M Y" ("Mon 23 Nov 2026") in the active language,
    looked up once rather than once a day."""
    return _Names(
        # Plain strings, translated and escaped once: Django's escape() of a lazy translation stays
        # lazy and would be translated again for every day.
        weekdays=[escape(str(WEEKDAYS_ABBR[n])) for n in range(7)],
        months=[escape(str(MONTHS_3[n]).title()) for n in range(1, 13)],
    )


def _label(day: datetime.date, names: _Names) -> str:
    """The day in words, made of escaped names and numbers only."""
    return f"{names.weekdays[day.weekday()]} {day.day} {names.months[day.month - 1]} {day.year}"


@register.simple_tag
def period_bars(chart: PeriodChart) -> SafeString:
    """A bar for each logged day, with its day and pain in words where a pointer can find it: a
    year of days makes bars under a unit wide, and the table says the same."""
    names = _day_namer()
    titled = bool(chart.bars) and chart.bars[0].width >= MIN_TITLED_WIDTH
    bars = "".join(
        f'<rect class="bar-{bar.level}" x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}">'
        + (f"<title>{_label(bar.date, names)}: {bar.pain}/10</title></rect>" if titled else "</rect>")
        for bar in chart.bars
        if bar.pain is not None
    )
    return mark_safe(f'<g class="chart-bars">{bars}</g>')


@register.simple_tag
def flag_marks(chart: PeriodChart) -> SafeString:
    """A triangle over each flagged day, above the chart's top."""
    names = _day_namer()
    marks = "".join(
        f'<path d="M{bar.center} {chart.frame.top - 2}l-4 -7h8z">'
        f"<title>{_label(bar.date, names)}: advice to see a doctor</title></path>"
        for bar in chart.marks
    )
    return mark_safe(f'<g class="flag-marks">{marks}</g>')


@register.simple_tag
def pain_table_rows(series: Iterable[SeriesDay]) -> SafeString:
    """The chart's table: a row for each logged day."""
    names = _day_namer()
    return mark_safe(
        "".join(
            f"<tr><td>{_label(day.date, names)}</td><td>{day.pain}/10</td><td>{day.average_7_days}</td>"
            f"<td>{'yes' if day.flagged else ''}</td></tr>"
            for day in series
            if day.pain is not None
        )
    )
