"""The insights' figures on known journals, computed without a database: days, not entries, count;
a day's pain is the highest of its entries; habits count "with" and "without" as defined."""

import datetime

import pytest

from journal.insights import (
    EntryValues,
    MedicationIntake,
    as_data,
    fisher_exact_p,
    insights,
    link_of,
    moving_average,
    rank_sum_p,
    series,
)

START = datetime.date(2026, 1, 1)


def day(n):
    return START + datetime.timedelta(days=n)


def entry(n, pain=0, region="upper_back", **fields):
    return EntryValues(date=day(n), regions={region: pain}, **fields)


def figures(entries, days=30, **kwargs):
    return insights(entries=entries, first=day(0), last=day(days - 1), **kwargs)


def habit(result, code, region="back"):
    return next(figure for figure in result.habits if figure.habit == code and figure.region == region)


# --- Days ---------------------------------------------------------------------------------------


def test_a_day_with_two_entries_counts_once_with_its_highest_pain():
    result = figures([entry(0, 3), entry(0, 7, region="lower_back"), entry(1, 2)])
    assert result.days_logged == 2
    first = result.pain_over_time[0]
    assert first.pain == 7
    assert (first.regions["upper_back"], first.regions["lower_back"]) == (3, 7)


def test_pain_over_time_has_every_calendar_day_of_the_period_with_none_where_nothing_was_logged():
    result = figures([entry(2, 4)], days=5)
    assert [d.date for d in result.pain_over_time] == [day(n) for n in range(5)]
    assert [d.pain for d in result.pain_over_time] == [None, None, 4, None, None]
    assert result.pain_over_time[0].regions["neck"] is None


def test_entries_outside_the_period_are_left_out():
    result = insights(entries=[entry(0, 9), entry(5, 2)], first=day(3), last=day(6))
    assert result.days_logged == 1
    assert [figure.average_pain for figure in result.regions if figure.region == "upper_back"] == [2.0]


def test_flagged_days_are_marked():
    result = figures([entry(0, 3), entry(1, 3)], days=3, flagged={day(1)})
    assert [d.flagged for d in result.pain_over_time] == [False, True, False]


def test_the_7_day_average_covers_the_logged_days_among_the_last_seven():
    values = [2, None, 4, None, None, None, None, 6, None]
    assert moving_average(values) == [2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0, 5.0, 5.0]
    assert moving_average([None, None]) == [None, None]


def test_pain_over_time_per_region_has_its_own_average():
    result = figures([entry(0, 4, region="neck"), entry(1, 8, region="lower_back")], days=2)
    neck = series(result.pain_over_time, "neck")
    assert [(d.pain, d.average_7_days) for d in neck] == [(4, 4.0), (0, 2.0)]
    back = series(result.pain_over_time)
    assert [(d.pain, d.average_7_days) for d in back] == [(4, 4.0), (8, 6.0)]


def test_averages_round_half_up_to_one_decimal():
    # 0.25 would become 0.2 with Python's round(), which rounds to the even neighbour.
    result = figures([entry(0, 1), entry(1, 0), entry(2, 0), entry(3, 0)])
    upper = next(figure for figure in result.regions if figure.region == "upper_back")
    assert upper.average_pain == 0.3


# --- Where it hurts, seasons ----------------------------------------------------------------------


def test_each_region_has_its_average_over_the_logged_days_and_the_days_it_hurt():
    result = figures(
        [
            EntryValues(date=day(0), regions={"upper_back": 6, "lower_back": 2}),
            EntryValues(date=day(0), regions={"upper_back": 4}),  # the day's upper back stays 6
            EntryValues(date=day(1), regions={"upper_back": 3}),
            EntryValues(date=day(2), regions={}),
        ]
    )
    by_region = {figure.region: figure for figure in result.regions}
    assert (by_region["upper_back"].average_pain, by_region["upper_back"].days_hurt) == (3.0, 2)
    assert (by_region["lower_back"].average_pain, by_region["lower_back"].days_hurt) == (0.7, 1)
    assert (by_region["neck"].average_pain, by_region["neck"].days_hurt) == (0.0, 0)


def test_seasons_average_the_daily_highest_pain_with_their_days():
    result = figures(
        [
            entry(0, 6, season="winter"),
            entry(0, 2, season="winter"),
            entry(1, 3, season="winter"),
            entry(2, 1, season="spring"),
        ]
    )
    assert [(s.season, s.days, s.average_pain) for s in result.seasons] == [
        ("winter", 2, 4.5),
        ("spring", 1, 1.0),
    ]


def test_a_period_without_entries_has_no_figures_but_every_day():
    result = figures([], days=7)
    assert result.days_logged == 0
    assert len(result.pain_over_time) == 7 and all(d.pain is None for d in result.pain_over_time)
    assert all(figure.average_pain is None and figure.days_hurt == 0 for figure in result.regions)
    assert result.seasons == []
    assert not any(figure.enough_data for figure in result.habits)
    assert result.medications == []


# --- Habits ---------------------------------------------------------------------------------------


def test_sitting_counts_with_from_6_hours_without_below_and_neither_when_not_recorded():
    result = figures(
        [entry(n, 5, sitting_hours=7) for n in range(3)]
        + [entry(n, 2, sitting_hours=3) for n in range(3, 6)]
        + [entry(6, 9)]  # sitting not recorded: on neither side
        + [entry(7, 4, sitting_hours=6), entry(7, 4, sitting_hours=2)]  # any entry with it: with
    )
    sitting = habit(result, "sitting_6h_plus")
    assert (sitting.with_.days, sitting.without.days) == (4, 3)
    assert (sitting.with_.average_pain, sitting.without.average_pain) == (4.8, 2.0)


def test_posture_counts_hunched_against_upright_only():
    result = figures(
        [entry(n, 6, sitting_posture="hunched") for n in range(3)]
        + [entry(n, 2, sitting_posture="upright") for n in range(3, 6)]
        + [entry(6, 9, sitting_posture="")]
    )
    hunched = habit(result, "hunched")
    assert (hunched.with_.days, hunched.without.days) == (3, 3)


def test_a_tick_box_counts_every_logged_day_without_the_tick_as_without():
    result = figures([entry(n, 3, shoulder_load=n < 3) for n in range(8)])
    loads = habit(result, "shoulder_load")
    assert (loads.with_.days, loads.without.days) == (3, 5)


def test_running_habits_count_only_days_with_a_run():
    run = {"running_minutes": 30}
    result = figures(
        [entry(n, 5, running_surface="hard", warmed_up=False, **run) for n in range(3)]
        + [entry(n, 2, running_surface="grass", warmed_up=True, **run) for n in range(3, 6)]
        + [entry(n, 9) for n in range(6, 12)]  # no run: neither side
        + [entry(12, 9, running_surface="", warmed_up=None, **run)]  # a run, details not recorded
    )
    hard = habit(result, "ran_on_hard_surface")
    warm = habit(result, "ran_without_warm_up")
    assert (hard.with_.days, hard.without.days) == (3, 3)
    assert (warm.with_.days, warm.without.days) == (3, 3)
    assert habit(result, "shoes_did_not_fit").with_.days == 0


def test_a_day_with_the_habit_in_one_entry_and_its_absence_in_another_counts_with():
    result = figures([entry(0, 4, sitting_posture="upright"), entry(0, 4, sitting_posture="hunched")])
    hunched = habit(result, "hunched")
    assert (hunched.with_.days, hunched.without.days) == (1, 0)


def test_fewer_than_3_days_on_a_side_is_too_little_data_without_numbers():
    result = figures(
        [entry(n, 6, strength_training=True) for n in range(2)] + [entry(n, 2) for n in range(2, 12)]
    )
    training = habit(result, "strength_training")
    assert not training.enough_data
    assert (training.with_.days, training.without.days) == (2, 10)
    assert training.with_.average_pain is None and training.without.spasm_share is None
    assert training.pain is None and training.spasms is None


def test_each_habit_has_a_row_for_the_whole_back_and_one_for_its_region():
    result = figures([])
    pairs = [(figure.habit, figure.region) for figure in result.habits]
    assert len(pairs) == 18
    assert ("hunched", "upper_back") in pairs and ("shoulders_raised_cold", "upper_back") in pairs
    assert ("ran_on_hard_surface", "lower_back") in pairs and ("no_stretch_after_run", "lower_back") in pairs


def test_the_region_row_averages_the_regions_own_pain():
    result = figures(
        [
            EntryValues(date=day(n), regions={"upper_back": 6, "lower_back": 1}, shoulder_load=True)
            for n in range(3)
        ]
        + [EntryValues(date=day(n), regions={"upper_back": 1, "lower_back": 3}) for n in range(3, 6)]
    )
    whole, upper = habit(result, "shoulder_load"), habit(result, "shoulder_load", "upper_back")
    assert (whole.with_.average_pain, whole.without.average_pain) == (6.0, 3.0)
    assert (upper.with_.average_pain, upper.without.average_pain) == (6.0, 1.0)


def test_the_spasm_share_is_the_share_of_days_with_a_spasm_to_two_decimals():
    result = figures(
        [entry(n, 4, sitting_posture="hunched", spasms=1 if n == 0 else 0) for n in range(3)]
        + [entry(n, 4, sitting_posture="upright") for n in range(3, 6)]
    )
    hunched = habit(result, "hunched")
    assert (hunched.with_.spasm_share, hunched.without.spasm_share) == (0.33, 0.0)


def test_a_large_difference_over_many_days_is_a_clear_link_told_in_words():
    result = figures(
        [entry(n, 7, sitting_posture="hunched") for n in range(10)]
        + [entry(n, 2, sitting_posture="upright") for n in range(10, 20)]
    )
    hunched = habit(result, "hunched")
    assert hunched.pain.link == "clear"
    assert hunched.pain.words.startswith("Your back hurt more on these days: 7.0 against 2.0; a clear link")
    assert hunched.spasms.link == "none"  # no spasms on either side


def test_a_small_difference_over_few_days_is_no_clear_link():
    result = figures(
        [entry(n, p, sitting_posture="hunched") for n, p in enumerate((4, 5, 3))]
        + [entry(n, p, sitting_posture="upright") for n, p in zip(range(3, 6), (4, 3, 3), strict=True)]
    )
    assert habit(result, "hunched").pain.link == "none"
    assert "could well be chance" in habit(result, "hunched").pain.words


# --- The tests behind the words -------------------------------------------------------------------


def test_the_rank_sum_test_matches_its_textbook_value():
    # Completely separated groups of 3: U = 0, z = 1.746 with the continuity correction.
    assert rank_sum_p([1, 2, 3], [4, 5, 6]) == pytest.approx(0.0809, abs=1e-4)
    assert rank_sum_p([3, 3, 3], [3, 3, 3]) == 1.0


def test_fishers_exact_test_matches_its_textbook_values():
    assert fisher_exact_p(3, 1, 1, 3) == pytest.approx(0.4857, abs=1e-4)  # the tea-tasting table
    assert fisher_exact_p(8, 2, 1, 5) == pytest.approx(0.0350, abs=1e-4)
    assert fisher_exact_p(0, 5, 0, 5) == 1.0


def test_links_are_clear_below_1_percent_and_possible_below_5():
    assert [link_of(p) for p in (0.001, 0.0099, 0.01, 0.049, 0.05, 0.5)] == [
        "clear", "clear", "possible", "possible", "none", "none",
    ]  # fmt: skip


# --- Medications and the data ---------------------------------------------------------------------


def test_medications_count_days_taken_and_the_median_of_each_days_relief():
    intakes = [
        MedicationIntake(day(0), "Ibuprofen", 6),
        MedicationIntake(day(0), "ibuprofen ", 8),  # the same medication, the day's best relief counts
        MedicationIntake(day(1), "Ibuprofen", 3),
        MedicationIntake(day(2), "Ibuprofen", None),
        MedicationIntake(day(2), "Paracetamol", None),
    ]
    result = figures([entry(0, 5)], intakes=intakes)
    ibuprofen, paracetamol = result.medications
    assert (ibuprofen.name, ibuprofen.days_taken, ibuprofen.median_relief, ibuprofen.relief_days) == (
        "Ibuprofen", 3, 5.5, 2,
    )  # fmt: skip
    assert (paracetamol.days_taken, paracetamol.median_relief) == (1, None)


def test_the_data_carries_the_documented_names_and_rounding():
    result = figures(
        [entry(n, 5, sitting_posture="hunched", spasms=int(n == 0), season="winter") for n in range(3)]
        + [entry(n, 2, sitting_posture="upright", season="winter") for n in range(3, 6)],
        days=6,
        flagged={day(0)},
    )
    data = as_data(result)
    assert (data["from"], data["to"], data["days_logged"]) == ("2026-01-01", "2026-01-06", 6)
    assert data["seasons"] == [{"season": "winter", "days": 6, "average_pain": 3.5}]
    hunched = next(h for h in data["habits"] if h["habit"] == "hunched" and h["region"] == "back")
    assert hunched["with"] == {"days": 3, "average_pain": 5.0, "spasm_share": 0.33}
    assert hunched["without"] == {"days": 3, "average_pain": 2.0, "spasm_share": 0.0}
    assert hunched["enough_data"] is True
    assert hunched["pain_difference"]["test"] == "wilcoxon_rank_sum"
    assert hunched["pain_difference"]["link"] in ("clear", "possible", "none")
    assert data["pain_over_time"][0] == {
        "date": "2026-01-01",
        "pain": 5,
        "average_7_days": 5.0,
        "flagged": True,
        "regions": {"neck": 0, "shoulders": 0, "upper_back": 5, "middle_back": 0, "lower_back": 0},
    }
    assert {"region": "upper_back", "average_pain": 3.5, "days_hurt": 6} in data["regions"]
