"""Writes of the staff review: claim, release, note, resolve, reopen, and the access records.

Every change is a compare-and-set: the form carries the ``version`` the reviewer read, and the
UPDATE only matches the row while it still has that version (and a state the action may start
from). ``select_for_update()`` does nothing on SQLite, so this is how two reviewers acting at once
are kept from overwriting each other on every database; on PostgreSQL the second UPDATE waits for
the first to commit, re-checks its WHERE clause and matches nothing.
"""

from __future__ import annotations

import datetime
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
    REVIEW_PERMISSION,
    REVIEWERS_GROUP,
    Outcome,
    Review,
    ReviewAction,
    ReviewEvent,
    ReviewStatus,
)
from review.notifications import flags_raised_notify

if TYPE_CHECKING:
    from accounts.models import User

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


@transaction.atomic
def review_resolve(*, review: Review, actor: User, version: int, outcome: str, message: str = "") -> Review:
    if outcome not in Outcome.values:
        raise ReviewRefused("Choose an outcome.")
    _swap(
        review=review,
        version=version,
        # From open, or from a claim the acting reviewer holds: never over another's claim.
        allowed=Q(status=ReviewStatus.OPEN) | Q(status=ReviewStatus.CLAIMED, claimed_by=actor),
        refusal="Another reviewer holds this entry: only they can resolve it, or release it first.",
        status=ReviewStatus.RESOLVED,
        outcome=outcome,
        resolved_at=timezone.now(),
        claimed_by=None,
        claimed_at=None,
    )
    _record(review, actor, ReviewAction.RESOLVED, outcome=outcome)
    if message.strip():
        _record(review, actor, ReviewAction.MESSAGED, message=message.strip())
    return review


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


def flags_changed_receive(*, raised: list[tuple[int, str]], changed: set[int], **kwargs: Any) -> None:
    """The receiver of triage's ``flags_changed``: the reviews of the entries with new or more
    urgent flags open again, and the reviewers are told of urgent ones once the transaction commits."""
    reviews_flagged(entry_ids={entry_id for entry_id, _ in raised})
    flags_raised_notify(raised=raised)
