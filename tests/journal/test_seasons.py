import datetime

import pytest

from journal.seasons import season_for


@pytest.mark.parametrize(
    ("day", "north", "south"),
    [
        (datetime.date(2026, 11, 30), "autumn", "spring"),
        (datetime.date(2026, 12, 1), "winter", "summer"),
        (datetime.date(2026, 2, 28), "winter", "summer"),
        (datetime.date(2026, 3, 1), "spring", "autumn"),
        (datetime.date(2026, 5, 31), "spring", "autumn"),
        (datetime.date(2026, 6, 1), "summer", "winter"),
        (datetime.date(2026, 8, 31), "summer", "winter"),
        (datetime.date(2026, 9, 1), "autumn", "spring"),
    ],
)
def test_season_follows_meteorological_months_and_flips_south(day, north, south):
    assert season_for(day, "north") == north
    assert season_for(day, "south") == south
