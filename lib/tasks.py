"""Background work: on the queue when a broker is configured, in this process when there is none.

Every task derives from ``BackgroundTask`` and is started with ``enqueue``, never ``delay()``:

- it is sent once the transaction that asked for it commits, so a rolled-back request starts
  nothing and a worker never looks for rows that are not there yet;
- without a broker (CELERY_TASK_ALWAYS_EAGER, the embedded default) it runs here and now, after
  that commit;
- when the broker cannot be reached, the web process does the work itself instead of losing it;
- a task that failed for a passing reason (a mail server or the database away) is tried again
  after a growing delay: by the queue, or without one by a timer in this process.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from celery import Task
from celery.exceptions import Ignore
from django.conf import settings
from django.db import InterfaceError as DatabaseInterfaceError
from django.db import OperationalError as DatabaseOperationalError
from django.db import connections, transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def later(delay: float, function: Callable[[], object]) -> None:
    """Call ``function`` after ``delay`` seconds on a thread of its own (tests replace this)."""

    def run() -> None:
        try:
            function()
        finally:
            # The thread's own database connections: nothing else would close them.
            connections.close_all()

    timer = threading.Timer(delay, run)
    timer.daemon = True
    timer.start()


def backoff_seconds(retries: int) -> float:
    """The wait before try number ``retries + 1``: doubling from TASK_RETRY_BASE_SECONDS up to
    TASK_RETRY_MAX_SECONDS, with up to a fifth added at random so failed tasks do not return at once."""
    delay = min(settings.TASK_RETRY_MAX_SECONDS, settings.TASK_RETRY_BASE_SECONDS * 2**retries)
    return float(delay) + random.uniform(0, delay / 5)  # noqa: S311 - spreading load, not a secret


class BackgroundTask(Task):
    """A task that may run more than once (delivered again after its worker died, or retried):
    each one checks in the database whether its work is done before doing it. A database that is
    briefly away is retried by itself; tasks call ``self.retry(kwargs=..., exc=...)`` for their own
    passing failures, and the back-off is filled in."""

    acks_late = True
    max_retries = 8
    autoretry_for = (DatabaseOperationalError, DatabaseInterfaceError)

    def retry(
        self,
        args: Any = None,
        kwargs: dict[str, Any] | None = None,
        exc: BaseException | None = None,
        throw: bool = True,
        eta: Any = None,
        countdown: float | None = None,
        max_retries: int | None = None,
        **options: Any,
    ) -> Any:
        if countdown is None and eta is None:
            countdown = backoff_seconds(self.request.retries)
        if not self.request.is_eager:
            return super().retry(args, kwargs, exc, throw, eta, countdown, max_retries, **options)
        # No queue: the same wait on a timer in this process. Lost if the process stops first
        # (docs/deploy.md); Celery's own eager retry would instead try again at once, in the request.
        limit = self.max_retries if max_retries is None else max_retries
        if self.request.retries >= limit:
            raise exc if exc is not None else self.MaxRetriesExceededError()
        again = dict(self.request.kwargs or {}) if kwargs is None else kwargs
        later(float(countdown or 0), partial(_run_here, self, again, self.request.retries + 1))
        raise Ignore()


def _run_here(task: Task, kwargs: dict[str, Any], retries: int = 0) -> None:
    # Errors are logged by Celery and kept in the result, never raised into the request.
    task.apply(kwargs=kwargs, retries=retries)


def enqueue(task: Task, **kwargs: Any) -> None:
    """Start ``task`` with ``kwargs`` (plain JSON values) once the current transaction commits."""

    def start_task() -> None:  # a named function: Django logs a failing callback by its name
        _dispatch(task, kwargs)

    transaction.on_commit(start_task, robust=True)


def _dispatch(task: Task, kwargs: dict[str, Any]) -> None:
    if task.app.conf.task_always_eager:
        _run_here(task, kwargs)
        return
    try:
        task.apply_async(kwargs=kwargs)
    except OperationalError as error:
        logger.warning(
            "The task queue cannot be reached (%s): %s runs in this process instead.",
            type(error).__name__,
            task.name,
        )
        _run_here(task, kwargs)
