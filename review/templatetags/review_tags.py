"""Template tags of the staff review: an entry's or a case's time left, in words."""

import datetime

from django import template

from review import waiting

register = template.Library()


@register.simple_tag
def time_left(deadline: datetime.datetime | None, now: datetime.datetime) -> waiting.TimeLeft | None:
    """{% time_left review.deadline now as left %}: None without a deadline (nothing waits)."""
    if deadline is None:
        return None
    return waiting.time_left(deadline=deadline, now=now)


@register.filter
def waited(since: datetime.datetime, now: datetime.datetime) -> str:
    """{{ case.oldest|waited:now }}: how long since then, in words."""
    return waiting.duration_words(max(now - since, datetime.timedelta(0)))
