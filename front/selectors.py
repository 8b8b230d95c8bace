"""Reads that combine apps for the person's pages: the insights, which join the journal's entries
with the days triage flagged."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from journal import insights
from journal import selectors as journal_selectors
from triage import selectors as triage_selectors

if TYPE_CHECKING:
    from accounts.models import User


def person_insights(*, user: User, days: int | None, today: datetime.date) -> insights.Insights:
    """The figures of the ``days`` days ending ``today`` (the person's today), or of the whole
    journal when ``days`` is None: two queries whatever the number of entries."""
    first = today - datetime.timedelta(days=days - 1) if days else None
    entries = journal_selectors.insight_entries(user=user, date_from=first, date_to=today)
    flagged = triage_selectors.flagged_days(user=user, date_from=first, date_to=today)
    intakes = journal_selectors.insight_intakes(user=user, date_from=first, date_to=today)
    if first is None:
        # The whole journal starts with its first entry (today for an empty one).
        first = entries[0].date if entries else today
    return insights.insights(entries=entries, first=first, last=today, flagged=flagged, intakes=intakes)
