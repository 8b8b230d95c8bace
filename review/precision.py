"""How precise each triage rule turns out to be, from what reviewers decided: reads only.

Per rule, over the flags raised in a period (by when the flag was raised):
- raised: the flags the rule raised;
- reviewed: those whose entry a reviewer resolved while the flag was open (a flag withdrawn
  before the resolution was not what the reviewer judged; one raised after it waits again);
- warranted, not warranted, undetermined: the reviewed flags by what the outcome says of the
  advice (``review.models.WARRANTED``); "could not reach" tells neither way;
- the share warranted, of those that tell, with its 95 % Wilson score interval (``lib.stats``);
- the median time to review: from when the flag began to wait (its raising, or the entry's
  reopening when that came later) to the resolution;
- overdue: flags reviewed later than their urgency's waiting time allows, or still waiting past it.
The waiting times are the ones set now; one resolution of an entry counts for each of its flags.

Here rather than in triage because the figures read the reviews: the review app sits above triage.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils import timezone

from lib.stats import wilson_interval
from review.models import WARRANTED, ReviewStatus
from review.waiting import duration_words
from triage.models import RULE_TITLES, Flag, TriageRule


@dataclass
class RulePrecision:
    code: str
    urgency: str  # as configured now
    enabled: bool
    raised: int = 0
    reviewed: int = 0
    warranted: int = 0
    not_warranted: int = 0
    overdue: int = 0
    times_to_review: list[datetime.timedelta] = field(default_factory=list, repr=False)

    @property
    def title(self) -> str:
        return RULE_TITLES.get(self.code, self.code)

    @property
    def undetermined(self) -> int:
        return self.reviewed - self.warranted - self.not_warranted

    @property
    def decided(self) -> int:
        return self.warranted + self.not_warranted

    @property
    def share(self) -> float | None:
        return self.warranted / self.decided if self.decided else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.warranted, self.decided)

    @property
    def median_to_review(self) -> datetime.timedelta | None:
        times = sorted(self.times_to_review)
        if not times:
            return None
        middle = len(times) // 2
        return times[middle] if len(times) % 2 else (times[middle - 1] + times[middle]) / 2

    # The same figures in words, for the admin's page and the command's table.
    @property
    def share_text(self) -> str:
        return "–" if self.share is None else f"{self.share:.0%}"

    @property
    def interval_text(self) -> str:
        if self.interval is None:
            return "–"
        low, high = self.interval
        return f"{low:.0%}–{high:.0%}"

    @property
    def median_text(self) -> str:
        median = self.median_to_review
        return "–" if median is None else duration_words(median)

    def as_json(self) -> dict[str, object]:
        median = self.median_to_review
        return {
            "rule": self.code,
            "title": self.title,
            "urgency": self.urgency,
            "enabled": self.enabled,
            "raised": self.raised,
            "reviewed": self.reviewed,
            "warranted": self.warranted,
            "not_warranted": self.not_warranted,
            "undetermined": self.undetermined,
            "share_warranted": self.share,
            "interval_95": list(self.interval) if self.interval else None,
            "median_hours_to_review": None
            if median is None
            else round(median / datetime.timedelta(hours=1), 2),
            "overdue": self.overdue,
        }


INTERVAL_NAME = "95 % Wilson score interval"


def period_start(since: datetime.date | None) -> datetime.datetime | None:
    """The start of ``since`` in the site's time zone, or None for the whole history."""
    if since is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))


def rule_precision(
    *,
    since: datetime.date | None,
    now: datetime.datetime,
    limits: Mapping[str, datetime.timedelta],
    rules: Iterable[str] | None = None,
) -> list[RulePrecision]:
    """The figures of every rule (or of ``rules``) over the flags raised since ``since`` (the
    whole history when None), in the order of the rules' codes; a rule that raised nothing is
    listed with zeros. Two queries: the rules, and the flags with their entry's review, read in
    chunks so a long period does not load every flag at once."""
    configured = TriageRule.objects.order_by("code").only("code", "urgency", "enabled")
    flags = Flag.objects.all()
    if rules is not None:
        configured = configured.filter(code__in=list(rules))
        flags = flags.filter(rule_id__in=list(rules))
    start = period_start(since)
    if start is not None:
        flags = flags.filter(created_at__gte=start)
    figures = {
        rule.code: RulePrecision(code=rule.code, urgency=rule.urgency, enabled=rule.enabled)
        for rule in configured
    }
    rows = flags.order_by().values_list(
        "rule_id",
        "urgency",
        "created_at",
        "withdrawn_at",
        "entry__review__status",
        "entry__review__outcome",
        "entry__review__resolved_at",
        "entry__review__waiting_since",
    )
    for (
        rule_id,
        urgency,
        raised_at,
        withdrawn_at,
        status,
        outcome,
        resolved_at,
        waiting_since,
    ) in rows.iterator(chunk_size=2000):
        rule = figures.get(rule_id)
        if rule is None:
            continue
        rule.raised += 1
        began = max(raised_at, waiting_since) if waiting_since else raised_at
        limit = limits[urgency]
        if (
            status == ReviewStatus.RESOLVED
            and resolved_at is not None
            and resolved_at >= raised_at
            and (withdrawn_at is None or withdrawn_at > resolved_at)
        ):
            rule.reviewed += 1
            verdict = WARRANTED.get(outcome or "")
            rule.warranted += verdict is True
            rule.not_warranted += verdict is False
            waited = max(resolved_at - began, datetime.timedelta(0))
            rule.times_to_review.append(waited)
            rule.overdue += waited > limit
        elif status in (ReviewStatus.OPEN, ReviewStatus.CLAIMED) and withdrawn_at is None:
            rule.overdue += now - began > limit
    return list(figures.values())
