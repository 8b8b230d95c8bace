"""When a daily reminder is due: plain values in, no database and no clock of its own."""

import datetime
import zoneinfo


def zone_of(name: str) -> zoneinfo.ZoneInfo:
    """The person's time zone; UTC for a name this system does not know (it was valid when saved)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def due_day(*, now: datetime.datetime, zone: str, at: datetime.time) -> datetime.date | None:
    """The person's local day whose reminder is due at ``now``, or None before ``at`` on their clock.

    Comparing wall-clock times gets both daylight-saving changes right: on the night the clocks go
    forward a time that does not exist that night (02:30) is passed at 03:00; on the night they go
    back, a time that happens twice is passed the first time, and the day's record stops a second.
    """
    local = now.astimezone(zone_of(zone))
    return local.date() if local.time() >= at else None
