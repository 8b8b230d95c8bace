"""Starting background work: after the commit, nothing for a rolled-back transaction, run here
without a broker, and a growing wait between tries."""

import pytest
from celery import shared_task
from django.db import transaction
from django.test.utils import override_settings

from lib.tasks import BackgroundTask, backoff_seconds, enqueue

done = []


@shared_task(bind=True, base=BackgroundTask, name="tests.record", max_retries=2)
def record(self, value):
    if value == "flaky" and self.request.retries < 2:
        raise self.retry(exc=ConnectionError("not yet"))
    done.append((value, self.request.retries))


@pytest.fixture(autouse=True)
def clean():
    done.clear()


def test_a_task_starts_only_once_the_transaction_commits(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(record, value="a")
        assert done == []
    assert done == [("a", 0)]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_starts_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(record, value="never")
        raise RuntimeError
    assert done == []


def test_without_a_broker_a_retry_waits_on_a_timer_instead_of_trying_again_at_once(timers):
    record.apply(kwargs={"value": "flaky"})
    assert done == [] and len(timers) == 1
    timers.run_all()
    timers.run_all()
    assert done == [("flaky", 2)]


@override_settings(TASK_RETRY_BASE_SECONDS=30, TASK_RETRY_MAX_SECONDS=600)
def test_the_wait_doubles_up_to_a_ceiling_with_a_little_spread():
    waits = [backoff_seconds(retries) for retries in range(8)]
    for retries, wait in enumerate(waits):
        base = min(600, 30 * 2**retries)
        assert base <= wait <= base * 1.2
    assert waits[-1] <= 720
