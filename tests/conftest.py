import time

import pytest
from django.core.cache import cache
from django.test import Client

from accounts.sessions import SECOND_FACTOR
from tests.factories import EntryFactory, UserFactory, make_reviewer
from triage.models import TriageRule


@pytest.fixture(autouse=True)
def fresh_counters():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def force_login_includes_second_factor(monkeypatch):
    """client.force_login stands for a whole sign-in, second factor included, so that staff tests
    reach their pages; tests/accounts/test_staff_second_factor.py signs in through the forms."""
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        session = self.session
        session[SECOND_FACTOR] = time.time()
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def person(db):
    return UserFactory(username="alex")


@pytest.fixture
def other_person(db):
    return UserFactory(username="sam")


@pytest.fixture
def person_client(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def entry_of(db):
    """entry_of(user, **fields) writes an entry through the journal's service."""
    return lambda user, **fields: EntryFactory(user=user, **fields)


@pytest.fixture
def set_rule(db):
    """set_rule(code, enabled=..., urgency=..., **params) changes a rule's row as an admin would."""

    def change(code, *, enabled=None, urgency=None, message=None, **params):
        rule = TriageRule.objects.get(code=code)
        if enabled is not None:
            rule.enabled = enabled
        if urgency is not None:
            rule.urgency = urgency
        if message is not None:
            rule.message = message
        rule.params = {**rule.params, **params}
        rule.save()
        return rule

    return change


@pytest.fixture
def reviewer(db):
    return make_reviewer()


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def flagged_entry(person, entry_of):
    """An entry of the person with one "soon" flag (headache with upper-back pain)."""
    return entry_of(person, upper_back=6, symptoms=["headache"], notes="private words of alex")


class Timers(list):
    """The retries scheduled in this process (no broker): (delay, function) pairs, not started."""

    def run_all(self):
        pending, self[:] = list(self), []
        for _, function in pending:
            function()


@pytest.fixture(autouse=True)
def timers(monkeypatch):
    """Tasks retried without a broker wait on a timer thread; in tests they are kept here instead,
    for a test to run when it chooses, and never fire in the middle of another test."""
    scheduled = Timers()
    monkeypatch.setattr("lib.tasks.later", lambda delay, function: scheduled.append((delay, function)))
    return scheduled


@pytest.fixture
def use_broker():
    """use_broker(url): tasks go to the broker at ``url`` for the rest of the test, as with
    CELERY_BROKER_URL set; the embedded default (no broker) comes back afterwards."""
    from backpain_site.celery import app

    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}

    def reset_connections():
        # Forget the connections to the earlier broker; closing them would close kombu's shared pools.
        app._pool = None
        app.amqp._producer_pool = None

    def use(url):
        app.conf.update(broker_url=url, task_always_eager=False)
        reset_connections()
        return app

    yield use
    app.conf.update(saved)
    reset_connections()
