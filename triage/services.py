"""Writes of triage outside the engine: the runs that apply the rules to past entries, which an
admin starts from the rule list and a background task carries out (triage.tasks); and a person's
answers to their advice ("I have seen a doctor about this", "Hide")."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from journal.models import Entry
from triage import engine
from triage.models import Acknowledgement, AdviceResponse, Flag, FlagStatus, RetriageRun, RunStatus

if TYPE_CHECKING:
    from accounts.models import User

# A run that has shown no sign of life for this long is taken as dead (its worker and every
# redelivery gone) and no longer stops a new one.
STALLED_AFTER = datetime.timedelta(hours=1)
STALLED_ERROR = "Stopped without finishing (no progress for an hour); start it again to finish the job."


class RetriageAlreadyRunning(Exception):
    def __init__(self, run: RetriageRun):
        super().__init__(f"Run {run.pk} is still {run.status}.")
        self.run = run


def _finish(*, run_id: int, status: str, error: str = "") -> None:
    now = timezone.now()
    RetriageRun.objects.filter(pk=run_id, active=True).update(
        status=status, active=False, finished_at=now, updated_at=now, error=error
    )


def retriage_run_create(*, requested_by: User | None) -> RetriageRun:
    """Record a run, waiting for its task. Refuses while another one is queued or running, unless
    that one stalled. The caller starts the task once its transaction commits."""
    stalled = RetriageRun.objects.filter(active=True, updated_at__lt=timezone.now() - STALLED_AFTER)
    for run_id in stalled.values_list("id", flat=True):
        _finish(run_id=run_id, status=RunStatus.FAILED, error=STALLED_ERROR)
    try:
        with transaction.atomic():
            return RetriageRun.objects.create(requested_by=requested_by, updated_at=timezone.now())
    except IntegrityError:
        raise RetriageAlreadyRunning(RetriageRun.objects.get(active=True)) from None


def retriage_run_execute(*, run_id: int, batch_size: int = 500) -> RetriageRun | None:
    """Carry out a run: every entry after the last one it finished, in batches, each batch's
    progress committed with its flags. Idempotent: a finished run is left alone, and a run that is
    tried again goes on where it stopped. None when there is nothing (left) to do."""
    now = timezone.now()
    started = RetriageRun.objects.filter(pk=run_id, active=True).update(
        status=RunStatus.RUNNING, started_at=Coalesce(F("started_at"), now), updated_at=now
    )
    if not started:
        return None
    run = RetriageRun.objects.get(pk=run_id)
    entries = Entry.objects.all()
    if run.after_user_id is not None:
        user_id, day, entry_id = run.after_user_id, run.after_date, run.after_entry_id
        entries = entries.filter(
            Q(user_id__gt=user_id)
            | Q(user_id=user_id, date__gt=day)
            | Q(user_id=user_id, date=day, id__gt=entry_id)
        )
    RetriageRun.objects.filter(pk=run_id).update(total=run.done + entries.count())

    def record(last: engine.EntryKey, size: int, outcome: engine.Outcome) -> None:
        RetriageRun.objects.filter(pk=run_id).update(
            done=F("done") + size,
            added=F("added") + outcome.added,
            updated=F("updated") + outcome.updated,
            withdrawn=F("withdrawn") + outcome.withdrawn,
            unchanged=F("unchanged") + outcome.unchanged,
            after_user_id=last[0],
            after_date=last[1],
            after_entry_id=last[2],
            updated_at=timezone.now(),
        )

    engine.entries_retriage_in_batches(entries=entries, batch_size=batch_size, after_batch=record)
    _finish(run_id=run_id, status=RunStatus.DONE)
    return RetriageRun.objects.get(pk=run_id)


def retriage_run_fail(*, run_id: int, error: str) -> None:
    """The run's task gave up: the run says why (an error's class, never its message, which may
    quote a row), and a new run may start. Batches already done stay done."""
    _finish(run_id=run_id, status=RunStatus.FAILED, error=f"Stopped by an error ({error}); start it again.")


# --- Answers to advice ---------------------------------------------------------------------------


class AdviceStays(Exception):
    """Hiding was refused: the advice is an emergency still in its first day."""


@transaction.atomic
def advice_acknowledge(
    *, user: User, flag_ids: Iterable[int], response: str, now: datetime.datetime | None = None
) -> list[Acknowledgement]:
    """Record the person's answer for each of the flags (the flags of one piece of advice).

    Only the person's own open flags count; none of them is a 404, as for any other person's
    record. A flag already answered at its current urgency is left alone, so a second press
    writes nothing. Hiding an emergency in its first day is refused for all of them.
    """
    now = now or timezone.now()
    if response not in AdviceResponse.values:
        raise ValueError(f"unknown response {response!r}")
    flags = list(
        Flag.objects.filter(pk__in=list(flag_ids), entry__user=user, status=FlagStatus.OPEN)
        .select_for_update(of=("self",))
        .prefetch_related("acknowledgements")
    )
    if not flags:
        raise Http404("No such advice.")
    if response == AdviceResponse.HIDDEN:
        waits = [moment for flag in flags if (moment := flag.hide_allowed_from) and moment > now]
        if waits:
            raise AdviceStays(max(waits))
    answered = [
        Acknowledgement(flag=flag, response=response, urgency=flag.urgency, created_at=now)
        for flag in flags
        if not any(earlier.covers(flag) for earlier in flag.acknowledgements.all())
    ]
    return Acknowledgement.objects.bulk_create(answered)
