"""Meteorological seasons: whole months, flipped between the hemispheres."""

import datetime

from journal.vocabulary import Season

_NORTH_BY_MONTH = {
    12: Season.WINTER, 1: Season.WINTER, 2: Season.WINTER,
    3: Season.SPRING, 4: Season.SPRING, 5: Season.SPRING,
    6: Season.SUMMER, 7: Season.SUMMER, 8: Season.SUMMER,
    9: Season.AUTUMN, 10: Season.AUTUMN, 11: Season.AUTUMN,
}  # fmt: skip
_OPPOSITE = {
    Season.WINTER: Season.SUMMER,
    Season.SUMMER: Season.WINTER,
    Season.SPRING: Season.AUTUMN,
    Season.AUTUMN: Season.SPRING,
}


def season_for(day: datetime.date, hemisphere: str) -> Season:
    north = _NORTH_BY_MONTH[day.month]
    return north if hemisphere == "north" else _OPPOSITE[north]
