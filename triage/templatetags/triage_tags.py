"""Template filters for showing triage flags: words for urgencies, the highest of a list."""

from collections.abc import Iterable

from django import template

from triage import rules

register = template.Library()


@register.filter
def highest_urgency(flags: Iterable[rules.Flag]) -> str:
    """The highest urgency code among ``flags``, or "" when there are none."""
    urgency = rules.overall_urgency(flags)
    return "" if urgency == rules.NO_URGENCY else urgency


@register.filter
def urgency_words(urgency: str) -> str:
    return rules.Urgency.label_of(urgency)


# Short enough for a badge in a list; the words, not only the colour, carry the urgency.
_SHORT = {
    "emergency": "Emergency: seek care now",
    "urgent": "See a doctor today",
    "soon": "See a doctor in a few days",
    "routine": "Mention at next visit",
}


@register.filter
def urgency_short(urgency: str) -> str:
    return _SHORT.get(urgency, "")
