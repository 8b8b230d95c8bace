"""Writes of the staff review: claim, release, note, resolve, reopen, and the access records.

Every change is a compare-and-set: the form carries the ``version`` the reviewer read, and the
UPDATE only matches the row while it still has that version (and a state the action may start
from). ``select_for_update()`` does nothing on SQLite, so this is how two reviewers acting at once
are kept from overwriting each other on every database; on PostgreSQL the second UPDATE waits for
the first to commit, re-checks its WHERE clause and matches nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditlog.cid import get_cid
from auditlog.models import LogEntry
from django.apps import apps as django_apps
from django.apps.registry import Apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from journal.models import Entry
from lib.groups import group_ensure
from review.models import (
    DEFAULT_WAITING_TIMES,
    OUTCOMES_OFFERED,
    REVIEW_PERMISSION,
    REVIEWERS_GROUP,
    Review,
    ReviewAction,
    ReviewEvent,
    ReviewStatus,
)
from review.notifications import flags_raised_notify
from review.selectors import EntryRef

if TYPE_CHECKING:
    from accounts.models import User

# What a reviewer may resolve with now; the earlier "contacted" stays readable, never chosen anew.
OUTCOMES_CHOSEN = frozenset(code for code, _ in OUTCOMES_OFFERED)

# Reopening a resolved review because the engine raised a new flag on its entry.
REOPENED_BY_NEW_FLAG = "A new flag was raised on this entry after it had been resolved."


class ReviewChanged(Exception):
    """Someone else changed the review since the reviewer read it; nothing was written."""


class ReviewRefused(Exception):
    """The review is not in a state this action starts from (a stale or hand-made form)."""


def _swap(*, review: Review, version: int, allowed: Q, refusal: str, **changes: Any) -> Review:
    updated = Review.objects.filter(Q(pk=review.pk, version=version) & allowed).update(
        version=F("version") + 1, updated_at=timezone.now(), **changes
    )
    if updated:
        review.refresh_from_db()
        return review
    current = Review.objects.filter(pk=review.pk).values_list("version", flat=True).first()
    if current != version:
        raise ReviewChanged("This entry changed meanwhile.")
    raise ReviewRefused(refusal)


def _record(review: Review, actor: User | None, action: str, **text: str) -> ReviewEvent:
    return ReviewEvent.objects.create(review=review, actor=actor, action=action, **text)


@transaction.atomic
def review_claim(*, review: Review, actor: User, version: int) -> Review:
    _swap(
        review=review,
        version=version,
        allowed=Q(status=ReviewStatus.OPEN),
        refusal="Only an open entry can be claimed.",
        status=ReviewStatus.CLAIMED,
        claimed_by=actor,
        claimed_at=timezone.now(),
    )
    _record(review, actor, ReviewAction.CLAIMED)
    return review


@transaction.atomic
def review_release(*, review: Review, actor: User, version: int) -> Review:
    # Any reviewer may release, not only the holder: a claim must not stay stuck while its holder
    # is away. The history names who released it.
    _swap(
        review=review,
        version=version,
        allowed=Q(status=ReviewStatus.CLAIMED),
        refusal="Only a claimed entry can be released.",
        status=ReviewStatus.OPEN,
        claimed_by=None,
        claimed_at=None,
    )
    _record(review, actor, ReviewAction.RELEASED)
    return review


@transaction.atomic
def review_note_add(*, review: Review, actor: User, version: int, note: str) -> Review:
    # A note overwrites nothing, but it still moves the version: whoever is about to resolve
    # with an older page is stopped and sees the note first.
    _swap(review=review, version=version, allowed=Q(), refusal="")
    _record(review, actor, ReviewAction.NOTE, note=note)
    return review


def _resolvable_by(actor: User) -> Q:
    # From open, or from a claim the acting reviewer holds: never over another's claim.
    return Q(status=ReviewStatus.OPEN) | Q(status=ReviewStatus.CLAIMED, claimed_by=actor)


def _resolution(outcome: str) -> dict[str, Any]:
    if outcome not in OUTCOMES_CHOSEN:
        raise ReviewRefused("Choose an outcome.")
    return {
        "status": ReviewStatus.RESOLVED,
        "outcome": outcome,
        "resolved_at": timezone.now(),
        "claimed_by": None,
        "claimed_at": None,
    }


def _resolution_events(review_ids: list[int], actor: User, outcome: str, message: str) -> None:
    ReviewEvent.objects.bulk_create(
        [
            ReviewEvent(review_id=pk, actor=actor, action=action, **text)
            for pk in review_ids
            for action, text in [
                (ReviewAction.RESOLVED, {"outcome": outcome}),
                *([(ReviewAction.MESSAGED, {"message": message.strip()})] if message.strip() else []),
            ]
        ]
    )


@transaction.atomic
def review_resolve(*, review: Review, actor: User, version: int, outcome: str, message: str = "") -> Review:
    _swap(
        review=review,
        version=version,
        allowed=_resolvable_by(actor),
        refusal="Another reviewer holds this entry: only they can resolve it, or release it first.",
        **_resolution(outcome),
    )
    _resolution_events([review.pk], actor, outcome, message)
    return review


@dataclass(frozen=True)
class ResolvedMany:
    """What came of resolving several entries at once, each list in the entries' order."""

    resolved: list[EntryRef]
    changed: list[EntryRef]  # another reviewer acted on these meanwhile: nothing was written
    held: list[EntryRef]  # another reviewer holds these, or they were resolved already
    missing: int  # chosen entries that are not this person's flagged entries


@transaction.atomic
def reviews_resolve(
    *, person_id: int, chosen: Mapping[int, int], actor: User, outcome: str, message: str = ""
) -> ResolvedMany:
    """Resolve several flagged entries of one person with one outcome and one message. ``chosen``
    maps each entry's id to the version of its review the reviewer read. Every entry keeps its own
    review record (a resolved step, and the message as its own step); each is a compare-and-set
    of its own, so against a second reviewer acting at the same time one wins per entry, and the
    entries lost are returned rather than failing the rest.

    The reviews are locked in key order (PostgreSQL; SQLite holds its write lock from the start
    of the transaction), the order every writer of reviews takes, so two reviewers resolving
    overlapping entries wait for each other instead of deadlocking; the second then reads the
    versions the first wrote and is told those entries changed."""
    changes = _resolution(outcome)
    rows = list(
        Review.objects.select_for_update(of=("self",))
        .filter(entry_id__in=list(chosen), entry__user_id=person_id)
        .order_by("pk")
        .values("pk", "entry_id", "entry__date", "version", "status", "claimed_by_id")
    )
    won, changed, held = [], [], []
    for row in rows:
        ref = EntryRef(entry_id=row["entry_id"], date=row["entry__date"])
        if row["version"] != chosen[row["entry_id"]]:
            changed.append(ref)
        elif row["status"] == ReviewStatus.OPEN or (
            row["status"] == ReviewStatus.CLAIMED and row["claimed_by_id"] == actor.pk
        ):
            won.append((row["pk"], ref))
        else:
            held.append(ref)
    won_ids = [pk for pk, _ in won]
    if won_ids:
        # Under the lock the rows are as read; the state is checked again all the same.
        updated = Review.objects.filter(Q(pk__in=won_ids) & _resolvable_by(actor)).update(
            version=F("version") + 1, updated_at=timezone.now(), **changes
        )
        if updated != len(won_ids):
            raise ReviewChanged("These entries changed meanwhile.")
        _resolution_events(won_ids, actor, outcome, message)
    order = {entry_id: n for n, entry_id in enumerate(chosen)}

    def in_order(refs: list[EntryRef]) -> list[EntryRef]:
        return sorted(refs, key=lambda ref: order[ref.entry_id])

    return ResolvedMany(
        resolved=in_order([ref for _, ref in won]),
        changed=in_order(changed),
        held=in_order(held),
        missing=len(chosen) - len(rows),
    )


@transaction.atomic
def review_reopen(*, review: Review, actor: User, version: int, note: str = "") -> Review:
    _swap(
        review=review,
        version=version,
        allowed=Q(status=ReviewStatus.RESOLVED),
        refusal="Only a resolved entry can be reopened.",
        status=ReviewStatus.OPEN,
        outcome="",
        resolved_at=None,
        waiting_since=timezone.now(),
    )
    _record(review, actor, ReviewAction.REOPENED, note=note.strip())
    return review


def reviews_flagged(*, entry_ids: set[int]) -> None:
    """Called by the engine for the entries that just got a new, re-fired or more urgent flag:
    every such entry gets its review, and a resolved review opens again, because the reviewer
    resolved it without knowing of this flag. Runs inside the engine's transaction.

    Every review of these entries moves its version, so a reviewer acting from a page that did not
    show the flag is told the entry changed meanwhile. The reviews are locked first (PostgreSQL;
    on SQLite the transaction holds the database's write lock from its start), so a
    reviewer reopening and claiming at the same moment either acts before, and the engine sees the
    claim, or waits for the engine and then finds a changed version. Read without the lock, a
    reopen and claim in between made the engine's UPDATE set "open" over a claim (a check
    violation that failed the person's save); the reopening UPDATE now also filters on the
    resolved state, so it can never do that."""
    entry_ids = set(entry_ids)
    if not entry_ids:
        return
    locked = list(
        Review.objects.select_for_update()
        .filter(entry_id__in=entry_ids)
        .order_by("pk")  # one lock order for every caller, so two engines cannot deadlock
        .values_list("pk", "entry_id", "status")
    )
    Review.objects.bulk_create(
        [Review(entry_id=entry_id) for entry_id in entry_ids - {entry_id for _, entry_id, _ in locked}],
        ignore_conflicts=True,
    )
    resolved = [pk for pk, _, status in locked if status == ReviewStatus.RESOLVED]
    others = [pk for pk, _, status in locked if status != ReviewStatus.RESOLVED]
    now = timezone.now()
    if others:
        Review.objects.filter(pk__in=others).update(version=F("version") + 1, updated_at=now)
    if not resolved:
        return
    # Filtered on the state read as well: under the lock it matches exactly the rows read as
    # resolved, so those are the ones whose history gets the system's step.
    Review.objects.filter(pk__in=resolved, status=ReviewStatus.RESOLVED).update(
        status=ReviewStatus.OPEN,
        outcome="",
        resolved_at=None,
        waiting_since=now,
        version=F("version") + 1,
        updated_at=now,
    )
    ReviewEvent.objects.bulk_create(
        ReviewEvent(review_id=pk, actor=None, action=ReviewAction.REOPENED, note=REOPENED_BY_NEW_FLAG)
        for pk in resolved
    )


# Showings of the same entry to the same staff member on the same page within this time are one
# visit (the page shown again after a claim or a note), recorded once.
ONE_VISIT = datetime.timedelta(minutes=10)


def entry_access_record(*, entry_id: int, person_id: int, actor: User, page: str) -> LogEntry | None:
    """Keep that ``actor`` opened a person's entry, from which page, and when.

    A django-auditlog access record, written directly rather than through ``auditlog.register``:
    registering Entry would also log every save with the entry's values. The record carries ids and
    the page only; its text names the entry by number, never by date or content. The audit-log
    middleware adds the address the request came from.
    """
    content_type = ContentType.objects.get_for_model(Entry)
    same_visit = LogEntry.objects.filter(
        content_type=content_type,
        object_id=entry_id,
        action=LogEntry.Action.ACCESS,
        actor=actor,
        additional_data__page=page,
        timestamp__gte=timezone.now() - ONE_VISIT,
    )
    if same_visit.exists():
        return None
    return LogEntry.objects.create(
        content_type=content_type,
        object_pk=str(entry_id),
        object_id=entry_id,
        object_repr=f"Entry {entry_id}",
        action=LogEntry.Action.ACCESS,
        actor=actor,
        actor_email=actor.email or None,
        additional_data={"page": page, "person": person_id},
        cid=get_cid(),
    )


def reviewers_group_ensure(*, apps: Apps | None = None, using: str = "default", **kwargs: Any) -> None:
    """Give back the Reviewers group and its permission when they are missing (post_migrate)."""
    group_ensure(
        name=REVIEWERS_GROUP,
        app_label="review",
        codenames=[REVIEW_PERMISSION.split(".")[1]],
        apps=apps or django_apps,
        using=using,
    )


def waiting_times_ensure(*, apps: Apps | None = None, using: str = "default", **kwargs: Any) -> None:
    """Give back the shipped waiting time of any urgency whose row is missing (post_migrate, after
    a flush); a row an admin changed is left as it is."""
    try:
        WaitingTime = (apps or django_apps).get_model("review", "WaitingTime")
    except LookupError:  # migrated back to before waiting times existed
        return
    for urgency, (amount, unit) in DEFAULT_WAITING_TIMES.items():
        WaitingTime.objects.using(using).get_or_create(
            urgency=urgency, defaults={"amount": amount, "unit": unit}
        )


def flags_changed_receive(*, raised: list[tuple[int, str]], changed: set[int], **kwargs: Any) -> None:
    """The receiver of triage's ``flags_changed``: the reviews of the entries with new or more
    urgent flags open again, and the reviewers are told of urgent ones once the transaction commits."""
    reviews_flagged(entry_ids={entry_id for entry_id, _ in raised})
    flags_raised_notify(raised=raised)
