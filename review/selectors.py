"""Reads of the staff review: the queue, one entry's review, and what the person sees of it.

The staff pages (review.views) are behind the review permission; the reads for the person's own
pages (``entry_review_for_person``, ``recent_messages_for_person``) are scoped to that person.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format

from journal.models import Entry
from review.models import Outcome, Review, ReviewAction, ReviewEvent, ReviewStatus
from triage.models import Flag, FlagStatus
from triage.rules import URGENCIES, urgency_rank

if TYPE_CHECKING:
    from accounts.models import User

QUEUE_PAGE_SIZE = 25
TO_DO = ""  # the queue's default status filter: open or claimed, with an open flag
ALL = "all"
WITHDRAWN = "withdrawn"

# 0 for emergency ... 3 for routine, so the highest urgency sorts first.
_URGENCY_RANK = Case(
    *(When(urgency=code, then=Value(rank)) for rank, code in enumerate(URGENCIES)),
    output_field=IntegerField(),
)


def _top_rank(*, open_only: bool) -> Subquery:
    flags = Flag.objects.filter(entry_id=OuterRef("entry_id"))
    if open_only:
        flags = flags.filter(status=FlagStatus.OPEN)
    return Subquery(flags.annotate(rank=_URGENCY_RANK).order_by("rank").values("rank")[:1])


def _ranked_reviews() -> QuerySet[Any]:
    """Reviews with ``has_open`` (any open flag) and ``rank`` (the highest urgency among the open
    flags, or among all flags once every one was withdrawn). Subqueries rather than a join with
    GROUP BY, so the queue can filter, count and group on them in one statement each."""
    return Review.objects.annotate(
        has_open=Exists(Flag.objects.filter(entry_id=OuterRef("entry_id"), status=FlagStatus.OPEN)),
        rank=Coalesce(_top_rank(open_only=True), _top_rank(open_only=False)),
    )


def _by_status(reviews: QuerySet[Any], status: str) -> QuerySet[Any]:
    if status == ALL:
        return reviews
    if status == WITHDRAWN:
        # Every flag withdrawn: nothing is left to act on, whatever the review's own state.
        return reviews.filter(has_open=False)
    if status == TO_DO:
        return reviews.filter(has_open=True, status__in=[ReviewStatus.OPEN, ReviewStatus.CLAIMED])
    return reviews.filter(has_open=True, status=status)


def review_queue(
    *,
    urgency: str | None = None,
    rule: str | None = None,
    status: str = TO_DO,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    person: str | None = None,
) -> QuerySet[Review]:
    """One row per flagged entry, highest urgency first, then the longest waiting. Each row carries
    the entry's date and owner's username, its flags (``entry.queue_flags``) and who holds it; the
    entry's health fields are not loaded. Two queries per page whatever the size: rows and flags."""
    reviews = _by_status(_ranked_reviews(), status or TO_DO)
    if urgency:
        reviews = reviews.filter(rank=urgency_rank(urgency))
    if rule:
        reviews = reviews.filter(Exists(Flag.objects.filter(entry_id=OuterRef("entry_id"), rule_id=rule)))
    if date_from:
        reviews = reviews.filter(entry__date__gte=date_from)
    if date_to:
        reviews = reviews.filter(entry__date__lte=date_to)
    if person:
        reviews = reviews.filter(entry__user__username__iexact=person)
    return (
        reviews.select_related("entry__user", "claimed_by")
        .only(
            "id",
            "status",
            "version",
            "created_at",
            "claimed_at",
            "resolved_at",
            "outcome",
            "entry__id",
            "entry__date",
            "entry__time",
            "entry__user__id",
            "entry__user__username",
            "claimed_by__id",
            "claimed_by__username",
        )  # fmt: skip
        .prefetch_related(
            Prefetch(
                "entry__flags",
                queryset=Flag.objects.annotate(rank=_URGENCY_RANK)
                .order_by("status", "rank", "rule_id")
                .only("id", "entry_id", "rule_id", "urgency", "status"),
                to_attr="queue_flags",
            )
        )
        .order_by("rank", "created_at", "id")
    )


def review_queue_counts() -> list[tuple[str, int]]:
    """How many entries wait for review (open or claimed, with an open flag) at each urgency, by
    their highest open flag; every urgency is present, with 0 when none wait. One query."""
    rows = _by_status(_ranked_reviews(), TO_DO).order_by().values("rank").annotate(count=Count("id"))
    by_rank = {row["rank"]: row["count"] for row in rows}
    return [(code, by_rank.get(rank, 0)) for rank, code in enumerate(URGENCIES)]


def review_get(*, entry_id: int) -> Review:
    """The review of a flagged entry, with the entry and its owner; 404 for an entry never flagged."""
    return get_object_or_404(Review.objects.select_related("entry__user", "claimed_by"), entry_id=entry_id)


def review_flags(*, entry: Entry) -> list[Flag]:
    """Every flag of the entry, the open ones first, each group highest urgency first."""
    flags = Flag.objects.filter(entry=entry)
    return sorted(flags, key=lambda flag: (flag.status != FlagStatus.OPEN, urgency_rank(flag.urgency)))


def review_events(*, review: Review) -> list[ReviewEvent]:
    return list(ReviewEvent.objects.filter(review=review).select_related("actor"))


def person_flags_around(
    *, user: User, today: datetime.date, days: int = 30, exclude_entry: Entry | None = None
) -> list[Flag]:
    """The person's flags on entries of the last ``days`` days, newest entry first (one query)."""
    first = today - datetime.timedelta(days=days - 1)
    flags = (
        Flag.objects.filter(entry__user=user, entry__date__range=(first, today))
        .select_related("entry")
        .only("id", "rule_id", "urgency", "status", "entry__id", "entry__date", "entry__time")
        .order_by("-entry__date", "-entry__time", "-entry__id", "rule_id")
    )
    if exclude_entry is not None:
        flags = flags.exclude(entry=exclude_entry)
    return list(flags)


# --- What the person sees of the review ------------------------------------------------------


# What the person reads about the review of their entry, by the review's state.
_OUTCOME_SENTENCES: dict[str, str] = {
    Outcome.CONTACTED: "A reviewer looked at this entry on {day} and is getting in touch with you.",
    Outcome.ADVISED_CARE: "A reviewer looked at this entry on {day} and recommends that you see a doctor.",
    Outcome.NO_ACTION: "A reviewer looked at this entry on {day} and found nothing more for us to do.",
}
WAITING = "This entry is waiting for a reviewer to look at it."
LOOKING = "A reviewer is looking at this entry."
NOTHING_LEFT = (
    "The advice on this entry no longer applies after later changes, so it no longer waits for a review."
)


@dataclass(frozen=True)
class ReviewForPerson:
    status: str
    outcome: str
    resolved_at: datetime.datetime | None
    has_open_flags: bool
    messages: list[ReviewEvent]  # ReviewEvent rows holding only their message and time

    @property
    def summary(self) -> str:
        """One sentence on where the review stands, in the person's words. An entry whose flags
        were all withdrawn is no longer waited on, whatever the review's state, unless a reviewer
        already resolved it: then what they decided still stands."""
        if self.status == ReviewStatus.RESOLVED:
            day = date_format(timezone.localtime(self.resolved_at), "j F Y")
            return _OUTCOME_SENTENCES.get(self.outcome, _OUTCOME_SENTENCES[Outcome.NO_ACTION]).format(day=day)
        if not self.has_open_flags:
            return NOTHING_LEFT
        if self.status == ReviewStatus.CLAIMED:
            return LOOKING
        return WAITING


def entry_review_for_person(*, entry: Entry) -> ReviewForPerson | None:
    """The review status of the person's own entry and the messages reviewers wrote to them;
    internal notes are never loaded. None when the entry was never flagged. Two queries."""
    review = (
        Review.objects.filter(entry=entry)
        .annotate(has_open_flags=Exists(Flag.objects.filter(entry=entry, status=FlagStatus.OPEN)))
        .only("status", "outcome", "resolved_at")
        .first()
    )
    if review is None:
        return None
    messages = list(
        ReviewEvent.objects.filter(review=review, action=ReviewAction.MESSAGED).only("message", "created_at")
    )
    return ReviewForPerson(
        status=review.status,
        outcome=review.outcome,
        resolved_at=review.resolved_at,
        has_open_flags=review.has_open_flags,
        messages=messages,
    )


@dataclass(frozen=True)
class MessageForPerson:
    entry_id: int
    entry_date: datetime.date
    message: str
    sent_at: datetime.datetime


def recent_messages_for_person(
    *, user: User, today: datetime.date, days: int = 30, limit: int = 3
) -> list[MessageForPerson]:
    """The latest messages reviewers wrote to the person in the last ``days`` days, newest first,
    for the dashboard: a message matters most when it is seen, not only on an older entry's page.
    One query; only the message column of each step is read, never an internal note."""
    since = today - datetime.timedelta(days=days - 1)
    events = (
        ReviewEvent.objects.filter(
            review__entry__user=user, action=ReviewAction.MESSAGED, created_at__date__gte=since
        )
        .select_related("review__entry")
        .only("message", "created_at", "review__entry__id", "review__entry__date")
        .order_by("-created_at", "-id")[:limit]
    )
    return [
        MessageForPerson(
            entry_id=event.review.entry.id,
            entry_date=event.review.entry.date,
            message=event.message,
            sent_at=event.created_at,
        )
        for event in events
    ]
