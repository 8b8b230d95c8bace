"""How long an entry has left before it waited too long, in words: plain Python, no clock read.

An entry's deadline is when it began to wait plus the waiting time of its highest open urgency
(``WaitingTime``, set in the admin). Exactly at the deadline it is due now; a minute later it is
overdue. The words round down, so the time left is never overstated.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def duration_words(duration: datetime.timedelta) -> str:
    """A non-negative duration in at most two units, rounded down: "45 min", "7 h 59 min",
    "3 days 4 h"; under a minute is "under a minute"."""
    if duration < MINUTE:
        return "under a minute"
    days, rest = divmod(duration, DAY)
    hours, rest = divmod(rest, HOUR)
    minutes = rest // MINUTE
    if days:
        words = f"{days} day{'s' if days != 1 else ''}"
        return f"{words} {hours} h" if hours else words
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


@dataclass(frozen=True)
class TimeLeft:
    overdue: bool
    words: str  # "2 h left", "due now", "overdue by 3 days"


def time_left(*, deadline: datetime.datetime, now: datetime.datetime) -> TimeLeft:
    if now > deadline:
        return TimeLeft(overdue=True, words=f"overdue by {duration_words(now - deadline)}")
    if now == deadline:
        return TimeLeft(overdue=False, words="due now")
    return TimeLeft(overdue=False, words=f"{duration_words(deadline - now)} left")
