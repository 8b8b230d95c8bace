"""The charts' geometry: bar heights follow the 0-10 axis, every day of a fortnight is labelled,
the 7-day average breaks where nothing was logged, and the dates under a long period are spaced."""

import datetime
from dataclasses import dataclass

from lib.charts import day_chart, pain_level, period_chart, row_chart, shade


@dataclass(frozen=True)
class Day:
    date: datetime.date
    pain: int | None


def days(*pains, start=datetime.date(2026, 3, 1)):
    return [Day(start + datetime.timedelta(days=n), pain) for n, pain in enumerate(pains)]


def test_a_bar_is_as_tall_as_its_pain_on_the_axis():
    chart = day_chart(days(None, 5, 10))
    none, half, full = chart.bars
    frame = chart.frame
    assert full.y == frame.top and full.y + full.height == frame.bottom
    assert half.height == (frame.bottom - frame.top) / 2
    # A day without entries still gets a sliver, so the gap reads as a day.
    assert none.height == 1.5 and none.pain is None


def test_the_axis_is_labelled_from_0_to_10_with_10_at_the_top():
    frame = day_chart(days(3)).frame
    assert [tick.value for tick in frame.ticks] == [0, 2, 4, 6, 8, 10]
    assert frame.ticks[0].y == frame.bottom and frame.ticks[-1].y == frame.top


def test_bars_share_the_width_in_date_order():
    chart = day_chart(days(*range(14)))
    assert [bar.date for bar in chart.bars] == sorted(bar.date for bar in chart.bars)
    assert all(chart.frame.left <= bar.x and bar.x + bar.width <= chart.frame.right for bar in chart.bars)


def test_every_one_of_fourteen_days_gets_a_label():
    chart = day_chart(days(*range(14)))
    assert [bar.date for bar in chart.labels] == [bar.date for bar in chart.bars]


def test_thirty_days_are_labelled_every_second_day_ending_with_the_last():
    chart = day_chart(days(*([3] * 30)))
    assert len(chart.labels) == 15
    assert chart.labels[-1].date == chart.bars[-1].date


def test_levels_name_the_band_of_the_pain():
    assert [pain_level(p) for p in (None, 0, 3, 4, 6, 7, 10)] == [
        "none", "low", "low", "moderate", "moderate", "severe", "severe",
    ]  # fmt: skip


def test_shades_go_from_none_to_five_in_steps_of_two_points():
    assert [shade(value) for value in (None, 0, 0.1, 2.0, 2.1, 5.5, 8.0, 10)] == [0, 0, 1, 1, 2, 3, 4, 5]


def test_the_average_line_breaks_where_there_is_no_average():
    chart = period_chart(days(2, 4, None, 6, 6), [2.0, 3.0, None, 6.0, 6.0])
    assert len(chart.average_lines) == 2
    first, second = chart.average_lines
    assert len(first.split()) == 2 and len(second.split()) == 2


def test_a_lone_average_point_is_still_drawn():
    chart = period_chart(days(None, 4, None), [None, 4.0, None])
    (line,) = chart.average_lines
    assert len(line.split()) == 2 and line.split()[0] == line.split()[1]


def test_marked_days_get_a_mark_over_their_bar():
    period = days(1, 2, 3)
    chart = period_chart(period, [None] * 3, marked={period[1].date})
    assert [bar.date for bar in chart.marks] == [period[1].date]


def test_a_month_is_marked_by_its_mondays_a_year_by_its_months_and_years_by_quarters():
    month = period_chart(days(*[1] * 30, start=datetime.date(2026, 3, 1)), [None] * 30)
    assert all(tick.date.weekday() == 0 for tick in month.date_ticks) and len(month.date_ticks) == 5
    year = period_chart(days(*[1] * 365, start=datetime.date(2026, 1, 1)), [None] * 365)
    assert [tick.date.month for tick in year.date_ticks] == list(range(1, 13))
    three = period_chart(days(*[1] * 1095, start=datetime.date(2024, 1, 1)), [None] * 1095)
    assert {tick.date.month for tick in three.date_ticks} == {1, 4, 7, 10}
    assert all(three.frame.left <= tick.x <= three.frame.right for tick in three.date_ticks)


def test_row_bars_are_as_long_as_their_value_on_the_scale():
    chart = row_chart([("Winter", 5.0, "(10 days)"), ("Summer", 2.5, "(4 days)")])
    winter, summer = chart.rows
    assert winter.width == (chart.right - chart.left) / 2 and summer.width == winter.width / 2
    assert winter.end == chart.left + winter.width
    assert (winter.level, summer.level) == ("moderate", "low")
