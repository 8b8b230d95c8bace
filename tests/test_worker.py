"""The background tasks on a real queue: a Celery worker process with its beat, against the real Redis
(TEST_REDIS_URL, database 12 by default), sharing the test database. Not eager: the tasks are
published, picked up and acknowledged as in production."""

import datetime
import email
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from reminders.models import DeliveryStatus, ReminderDelivery
from reminders.services import plan_update
from tests.factories import EntryFactory, UserFactory, make_reviewer
from triage.models import RetriageRun, RunStatus

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12")
ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.django_db(transaction=True)


def redis_reachable():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


def wait_for(condition, timeout=30.0, what="the worker"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"{what} did not finish within {timeout:.0f} s")


def database_url():
    database = connection.settings_dict
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{database['NAME']}"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return f"postgres://{database['USER']}{password}@{database['HOST']}{port}/{database['NAME']}"


@pytest.fixture(scope="module")
def worker(django_db_setup, django_db_blocker, tmp_path_factory):
    """A worker with an embedded beat (a reminder round every second), in its own process."""
    if not redis_reachable():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS_URL}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # nothing left over from an earlier run
    folder = tmp_path_factory.mktemp("worker")
    (folder / "mail").mkdir()
    with django_db_blocker.unblock():
        url = database_url()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": url,
        "CELERY_BROKER_URL": REDIS_URL,
        "REMINDER_INTERVAL_SECONDS": "1",
        "TEST_MAIL_DIR": str(folder / "mail"),
    }
    log = (folder / "worker.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backpain_site",
            "worker",
            "--beat",
            "--schedule",
            str(folder / "beat-schedule"),
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: "ready." in (folder / "worker.log").read_text(), what="the worker's start")
        yield folder
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def on_redis(use_broker):
    """This test process publishes to the same Redis as the worker."""
    return use_broker(REDIS_URL)


def mails(folder):
    messages = []
    for path in sorted((folder / "mail").glob("*.log")):
        # The file backend separates messages with a line of dashes.
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip():
                messages.append(email.message_from_string(chunk.strip()))
    return messages


def test_the_beat_sends_a_due_reminder_once_through_the_worker(worker):
    person = UserFactory(username="wren", time_zone="UTC")
    plan_update(user=person, enabled=True, at=datetime.time(0, 0))  # due from midnight on
    delivery = wait_for(
        lambda: ReminderDelivery.objects.filter(user=person, status=DeliveryStatus.SENT).first(),
        what="the reminder round",
    )
    time.sleep(3)  # three more rounds
    to_wren = [message for message in mails(worker) if message["To"] == "wren@example.org"]
    assert len(to_wren) == 1 and delivery.attempts == 1
    assert to_wren[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_reviewer_mail_is_sent_by_the_worker_after_the_entry_commits(worker, on_redis):
    make_reviewer("rhea", email="rhea@example.org")
    person = UserFactory(username="pat")
    entry = EntryFactory(user=person, upper_back=3, symptoms=["chest_pain"])
    message = wait_for(
        lambda: next((m for m in mails(worker) if m["To"] == "rhea@example.org"), None),
        what="the reviewer mail",
    )
    assert f"/review/entries/{entry.pk}/" in message.get_payload()


def test_a_mail_server_that_is_down_delays_the_reviewer_mail_until_it_is_back(worker, on_redis):
    make_reviewer("ross", email="ross@example.org")
    down = worker / "down"
    down.touch()
    try:
        EntryFactory(user=UserFactory(username="quin"), upper_back=3, symptoms=["chest_pain"])
        time.sleep(2.5)  # the first try and a retry fail
        assert not [m for m in mails(worker) if m["To"] == "ross@example.org"]
    finally:
        down.unlink()
    wait_for(lambda: [m for m in mails(worker) if m["To"] == "ross@example.org"], what="the retried mail")
    time.sleep(2)
    assert len([m for m in mails(worker) if m["To"] == "ross@example.org"]) == 1


def test_the_admins_apply_to_past_entries_runs_on_the_worker(worker, on_redis, admin_client):
    person = UserFactory(username="lee")
    for day in (10, 11, 12):
        EntryFactory(user=person, date=datetime.date(2026, 3, day))
    admin_client.post(
        reverse("admin:triage_triagerule_changelist"),
        {"action": "apply_to_past_entries", "_selected_action": ["numbness"], "confirmed": "yes"},
    )
    run = wait_for(
        lambda: RetriageRun.objects.filter(status=RunStatus.DONE).first(), what="applying the rules"
    )
    assert (run.done, run.total) == (3, 3)
