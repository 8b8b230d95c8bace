"""Reads of the staff review: the queue, one entry's review, and what the person sees of it.

The staff pages (review.views) are behind the review permission; the reads for the person's own
pages (``entry_review_for_person``, ``recent_messages_for_person``) are scoped to that person.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
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
from review.models import (
    DEFAULT_WAITING_TIMES,
    Outcome,
    Review,
    ReviewAction,
    ReviewEvent,
    ReviewStatus,
    WaitingTime,
)
from triage.models import RULE_TITLES, Flag, FlagStatus
from triage.rules import URGENCIES, urgency_rank

if TYPE_CHECKING:
    from accounts.models import User

QUEUE_PAGE_SIZE = 25
CASE_PAGE_SIZE = 50  # one person's waiting entries: room for a long stretch of days on one page
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
        return reviews.filter(_WAITING)
    return reviews.filter(has_open=True, status=status)


# An entry that waits for a reviewer: open or claimed, with an open flag.
_WAITING = Q(has_open=True, status__in=[ReviewStatus.OPEN, ReviewStatus.CLAIMED])


def waiting_limits() -> dict[str, datetime.timedelta]:
    """How long an entry of each urgency may wait, as set in the admin; the shipped default for a
    row that is missing. One query."""
    limits = {
        urgency: WaitingTime(urgency=urgency, amount=amount, unit=unit).limit
        for urgency, (amount, unit) in DEFAULT_WAITING_TIMES.items()
    }
    limits.update({row.urgency: row.limit for row in WaitingTime.objects.all()})
    return limits


def _flag_deadline(limits: Mapping[str, datetime.timedelta], waiting_since: Any) -> ExpressionWrapper:
    """A flag's deadline: when its entry began to wait plus the waiting time of its urgency."""
    limit = Case(
        *(When(urgency=code, then=Value(limits[code])) for code in URGENCIES),
        output_field=DurationField(),
    )
    return ExpressionWrapper(waiting_since + limit, output_field=DateTimeField())


def _deadline(limits: Mapping[str, datetime.timedelta]) -> Subquery:
    """An entry's deadline: the earliest of its open flags' deadlines, which is its highest
    urgency's (the admin keeps a higher urgency's waiting time no longer than a lower one's);
    None without an open flag. One subquery, so a page refers to it without repeating the rank's."""
    flags = (
        Flag.objects.filter(entry_id=OuterRef("entry_id"), status=FlagStatus.OPEN)
        .annotate(deadline=_flag_deadline(limits, OuterRef("waiting_since")))
        .order_by("deadline")
        .values("deadline")[:1]
    )
    return Subquery(flags, output_field=DateTimeField())


def _filtered(
    *,
    limits: Mapping[str, datetime.timedelta] | None = None,
    urgency: str | None = None,
    rule: str | None = None,
    status: str = TO_DO,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    person: str | None = None,
    person_id: int | None = None,
) -> QuerySet[Any]:
    """The reviews the queue's filters select, with ``has_open``, ``rank`` and, given the waiting
    times, ``deadline``."""
    reviews = _by_status(_ranked_reviews(), status or TO_DO)
    if limits is not None:
        reviews = reviews.annotate(deadline=_deadline(limits))
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
    if person_id is not None:
        reviews = reviews.filter(entry__user_id=person_id)
    return reviews


def review_queue(*, limits: Mapping[str, datetime.timedelta], **filters: Any) -> QuerySet[Review]:
    """One row per flagged entry, highest urgency first, then the longest waiting (which, within
    an urgency, puts the overdue first). Each row carries the entry's date and owner's username,
    its flags (``entry.queue_flags``), who holds it and its ``deadline``; the entry's health fields
    are not loaded. Two queries per page whatever the size: rows and flags. ``filters``: those of
    ``_filtered``."""
    return (
        _filtered(limits=limits, **filters)
        .select_related("entry__user", "claimed_by")
        .only(
            "id",
            "status",
            "version",
            "created_at",
            "waiting_since",
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
        .order_by("rank", "waiting_since", "id")
    )


def _case_flags(**filters: Any) -> QuerySet[Flag]:
    """The flags that set the urgency of the entries the filters select: their open flags, or all
    of them for an entry whose every flag was withdrawn. Grouping these by person makes the cases
    in one join, without working out each entry's rank again for every figure."""
    flags = Flag.objects.filter(entry__review__in=_filtered(**filters).values("pk"))
    if (filters.get("status") or TO_DO) in (ALL, WITHDRAWN):
        some_open = Exists(Flag.objects.filter(entry_id=OuterRef("entry_id"), status=FlagStatus.OPEN))
        return flags.filter(Q(status=FlagStatus.OPEN) | ~some_open)
    return flags.filter(status=FlagStatus.OPEN)


def review_cases(
    *, limits: Mapping[str, datetime.timedelta], now: datetime.datetime, **filters: Any
) -> QuerySet[Any]:
    """The queue as cases: one row (a dict) per person with entries the filters select, with
    ``top`` (the rank of the highest urgency), ``entries``, ``oldest`` (the longest wait began),
    ``due`` (the first deadline among the waiting entries of that highest urgency: the case's
    clock), ``overdue`` (how many waiting entries are past their deadline, at any urgency).
    Highest urgency first, then the earliest due, so the overdue lead within an urgency. One
    query per page and one for the count; ``review_cases_rows`` adds the rules."""
    waiting = Q(status=FlagStatus.OPEN, entry__review__status__in=[ReviewStatus.OPEN, ReviewStatus.CLAIMED])
    cases: QuerySet[Any] = (
        _case_flags(**filters)
        .alias(deadline=_flag_deadline(limits, F("entry__review__waiting_since")))
        .values(person_id=F("entry__user_id"), username=F("entry__user__username"))
        .annotate(
            top=Min(_URGENCY_RANK),
            entries=Count("entry_id", distinct=True),
            oldest=Min("entry__review__waiting_since"),
            # Highest urgency first: the first urgency with a waiting flag is the case's.
            due=Coalesce(*(Min("deadline", filter=Q(waiting, urgency=code)) for code in URGENCIES)),
            # An entry is overdue once any of its open flags is: its highest urgency's is first.
            overdue=Count("entry_id", distinct=True, filter=Q(waiting, deadline__lt=now)),
        )
        .order_by("top", F("due").asc(nulls_last=True), "oldest", "person_id")
    )
    return cases


@dataclass(frozen=True)
class CaseRule:
    code: str
    urgency: str  # the highest this rule raised among the case's entries
    entries: int

    @property
    def title(self) -> str:
        return RULE_TITLES.get(self.code, self.code)


@dataclass(frozen=True)
class ReviewCase:
    """One person's entries in the queue, as one row."""

    person_id: int
    username: str
    urgency: str
    entries: int
    oldest: datetime.datetime
    due: datetime.datetime | None  # None when none of its entries waits (resolved, withdrawn)
    overdue: int
    rules: list[CaseRule]


def review_cases_rows(*, cases: Iterable[dict[str, Any]], **filters: Any) -> list[ReviewCase]:
    """The rows of a page of ``review_cases`` with the rules involved in each: the rules of the
    flags that set each entry's urgency (its open flags, or all of them once every one is
    withdrawn), most urgent first, each with how many of the selected entries it flagged. One
    query whatever the page's size."""
    cases = list(cases)
    if not cases:
        return []
    rows = (
        _case_flags(**filters)
        .filter(entry__user_id__in=[case["person_id"] for case in cases])
        .values("entry__user_id", "rule_id")
        .annotate(entries=Count("entry_id", distinct=True), rank=Min(_URGENCY_RANK))
        .order_by("entry__user_id", "rank", "-entries", "rule_id")
    )
    rules: dict[int, list[CaseRule]] = {}
    for row in rows:
        rules.setdefault(row["entry__user_id"], []).append(
            CaseRule(code=row["rule_id"], urgency=URGENCIES[row["rank"]], entries=row["entries"])
        )
    return [_case(row, rules.get(row["person_id"], [])) for row in cases]


def _case(row: dict[str, Any], rules: list[CaseRule]) -> ReviewCase:
    return ReviewCase(
        person_id=row["person_id"],
        username=row["username"],
        urgency=URGENCIES[row["top"]],
        entries=row["entries"],
        oldest=row["oldest"],
        due=row["due"],
        overdue=row["overdue"],
        rules=rules,
    )


@dataclass(frozen=True)
class UrgencyCount:
    urgency: str
    waiting: int
    overdue: int


def review_queue_counts(
    *, limits: Mapping[str, datetime.timedelta], now: datetime.datetime
) -> list[UrgencyCount]:
    """How many entries wait for review (open or claimed, with an open flag) at each urgency, by
    their highest open flag, and how many of them are overdue; every urgency is present, with 0
    when none wait. One query."""
    rows = (
        _filtered(limits=limits)
        .order_by()
        .values("rank")
        .annotate(waiting=Count("id"), overdue=Count("id", filter=Q(deadline__lt=now)))
    )
    by_rank = {row["rank"]: row for row in rows}
    return [
        UrgencyCount(
            urgency=code,
            waiting=by_rank.get(rank, {}).get("waiting", 0),
            overdue=by_rank.get(rank, {}).get("overdue", 0),
        )
        for rank, code in enumerate(URGENCIES)
    ]


def overdue_cases(
    *, limits: Mapping[str, datetime.timedelta], now: datetime.datetime, limit: int = 10
) -> tuple[list[ReviewCase], int]:
    """The cases with an overdue entry, most pressing first (at most ``limit``), and how many
    there are. Two queries; the rules are not read."""
    cases = review_cases(limits=limits, now=now).filter(overdue__gt=0)
    rows = [_case(row, []) for row in cases[:limit]]
    return rows, (len(rows) if len(rows) < limit else cases.count())


def person_case_get(*, person_id: int) -> User:
    """The person whose case a reviewer opens: only their id and username are read; 404 for a
    person who never had an entry flagged."""
    flagged = Review.objects.filter(entry__user=OuterRef("pk"))
    people = get_user_model().objects.filter(Exists(flagged)).only("id", "username")
    return get_object_or_404(people, pk=person_id)


def review_get(*, entry_id: int) -> Review:
    """The review of a flagged entry, with the entry and its owner; 404 for an entry never flagged."""
    return get_object_or_404(Review.objects.select_related("entry__user", "claimed_by"), entry_id=entry_id)


def review_flags(*, entry: Entry) -> list[Flag]:
    """Every flag of the entry, the open ones first, each group highest urgency first, with the
    person's answers to its advice ("seen a doctor", "hid it") in ``flag.acknowledgements``."""
    flags = Flag.objects.filter(entry=entry).prefetch_related("acknowledgements")
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


@dataclass(frozen=True)
class EntryRef:
    """An entry as a reviewer's notice names it: by its day, never by what it says."""

    entry_id: int
    date: datetime.date


def entries_changed(*, person_id: int, chosen: Mapping[int, int]) -> list[EntryRef]:
    """Of the person's entries chosen at ``chosen`` versions, those whose review has moved on
    since (or that are gone), in the order chosen. One query."""
    if not chosen:
        return []
    current = {
        row["entry_id"]: row
        for row in Review.objects.filter(entry_id__in=list(chosen), entry__user_id=person_id).values(
            "entry_id", "version", "entry__date"
        )
    }
    return [
        EntryRef(entry_id=entry_id, date=current[entry_id]["entry__date"])
        for entry_id, version in chosen.items()
        if entry_id in current and current[entry_id]["version"] != version
    ]


# --- What the person sees of the review ------------------------------------------------------


# What the person reads about the review of their entry, by the review's state.
_OUTCOME_SENTENCES: dict[str, str] = {
    Outcome.NEEDED_CARE: "A reviewer looked at this entry on {day} and recommends that you see a doctor.",
    Outcome.UNDER_CARE: (
        "A reviewer looked at this entry on {day} and noted that a doctor is already looking after "
        "you for it. Keep following their advice."
    ),
    Outcome.NOT_NEEDED: "A reviewer looked at this entry on {day} and found nothing more for us to do.",
    Outcome.NOT_REACHED: (
        "A reviewer looked at this entry on {day} and could not reach you. If the advice on it still "
        "applies, please see a doctor."
    ),
    Outcome.CONTACTED: "A reviewer looked at this entry on {day} and is getting in touch with you.",
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
            sentence = _OUTCOME_SENTENCES.get(self.outcome, _OUTCOME_SENTENCES[Outcome.NOT_NEEDED])
            return sentence.format(day=day)
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
    A message sent with several entries resolved at once is on each entry's page, but here once,
    with the newest of them. One query (of a few more steps than are shown, for the repeats); only
    the message column of each step is read, never an internal note."""
    since = today - datetime.timedelta(days=days - 1)
    events = (
        ReviewEvent.objects.filter(
            review__entry__user=user, action=ReviewAction.MESSAGED, created_at__date__gte=since
        )
        .select_related("review__entry")
        .only("message", "created_at", "review__entry__id", "review__entry__date")
        .order_by("-created_at", "-id")[: limit * REPEATS_READ]
    )
    shown: dict[str, MessageForPerson] = {}
    for event in events:
        if event.message not in shown and len(shown) < limit:
            shown[event.message] = MessageForPerson(
                entry_id=event.review.entry.id,
                entry_date=event.review.entry.date,
                message=event.message,
                sent_at=event.created_at,
            )
    return list(shown.values())


# Steps read per message shown, so a message sent with a few entries at once does not crowd out
# the ones before it.
REPEATS_READ = 20
