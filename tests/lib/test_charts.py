"""The pain chart's geometry: bar heights follow the 0-10 scale, and each bar says its level."""

import datetime
from dataclasses import dataclass

from lib.charts import HEIGHT, LABEL_SPACE, WIDTH, pain_bars, pain_level


@dataclass(frozen=True)
class Day:
    date: datetime.date
    pain: int | None


def days(*pains):
    start = datetime.date(2026, 3, 1)
    return [Day(start + datetime.timedelta(days=n), pain) for n, pain in enumerate(pains)]


def test_a_bar_is_as_tall_as_its_pain_on_the_scale():
    none, half, full = pain_bars(days(None, 5, 10))
    usable = HEIGHT - LABEL_SPACE
    assert full.height == usable and full.y == 0
    assert half.height == usable / 2
    # A day without entries still gets a sliver, so the gap reads as a day.
    assert none.height == 2 and none.pain is None


def test_bars_share_the_width_in_date_order():
    bars = pain_bars(days(*range(14)))
    assert [bar.date for bar in bars] == sorted(bar.date for bar in bars)
    assert all(bar.x + bar.width <= WIDTH for bar in bars)
    assert bars[1].x - bars[0].x == WIDTH / 14


def test_levels_name_the_band_of_the_pain():
    assert [pain_level(p) for p in (None, 0, 3, 4, 6, 7, 10)] == [
        "none", "low", "low", "moderate", "moderate", "severe", "severe",
    ]  # fmt: skip
