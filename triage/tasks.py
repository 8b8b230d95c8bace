"""Applying the rules to past entries as a background task, started from the rule list's action."""

from typing import Any

from celery import shared_task

from lib.tasks import BackgroundTask
from triage.services import retriage_run_execute, retriage_run_fail


class RetriageTask(BackgroundTask):
    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        # Called once the retries are spent (or for an error that is not retried), not before.
        if kwargs and "run_id" in kwargs:
            retriage_run_fail(run_id=kwargs["run_id"], error=type(exc).__name__)


@shared_task(bind=True, base=RetriageTask, name="triage.retriage_run")
def retriage_run(self, run_id: int) -> None:
    """Idempotent: the run records the last entry it finished, batch by batch, in the batch's
    transaction; run again (a retry, a redelivery) it goes on from there, and a finished run does
    nothing. A database that is briefly away is retried with a growing delay."""
    retriage_run_execute(run_id=run_id)
