"""An admin who changed a rule applies it to past entries from the rule list: a background task
re-evaluates every entry, and the admin shows its progress and result."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from triage import services
from triage.models import Flag, RetriageRun, RunStatus
from triage.tasks import retriage_run

DAY = datetime.date(2026, 3, 10)
RULES = reverse("admin:triage_triagerule_changelist")


def apply_action(client, confirmed=True):
    data = {"action": "apply_to_past_entries", "_selected_action": ["recurring_spasms"]}
    if confirmed:
        data["confirmed"] = "yes"
    return client.post(RULES, data)


@pytest.fixture
def spasm_days(person, entry_of):
    return [entry_of(person, date=DAY + datetime.timedelta(days=n), spasms=1) for n in range(2)]


def test_the_action_asks_before_it_starts(admin_client, spasm_days):
    response = apply_action(admin_client, confirmed=False)
    assert response.status_code == 200
    assert "Apply the rules to past entries?" in response.content.decode()
    assert not RetriageRun.objects.exists()


def test_applying_a_lowered_threshold_flags_past_entries_and_shows_the_result(
    admin_client, spasm_days, set_rule, django_capture_on_commit_callbacks
):
    set_rule("recurring_spasms", min_days=2)
    assert not Flag.objects.filter(rule_id="recurring_spasms").exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = apply_action(admin_client)
    run = RetriageRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:triage_retriagerun_change", args=[run.pk])
    assert Flag.objects.filter(rule_id="recurring_spasms", entry=spasm_days[1]).exists()
    assert (run.status, run.done, run.total, run.added) == (RunStatus.DONE, 2, 2, 1)
    page = admin_client.get(response["Location"]).content.decode()
    assert "Finished" in page
    assert '<progress value="2" max="2">' in page and "2 of 2 entries (100%)" in page
    assert "1 added, 0 updated, 0 withdrawn" in page
    assert 'http-equiv="refresh"' not in page  # finished: the page no longer reloads itself


def test_a_run_waiting_for_a_worker_shows_so_and_the_page_reloads_itself(
    admin_client, spasm_days, monkeypatch
):
    monkeypatch.setattr("lib.tasks._dispatch", lambda task, kwargs: None)  # no worker picks it up
    response = apply_action(admin_client)
    page = admin_client.get(response["Location"]).content.decode()
    assert "Waiting for a worker" in page and "waiting for a worker" in page
    assert '<meta http-equiv="refresh" content="3">' in page
    listing = admin_client.get(reverse("admin:triage_retriagerun_changelist")).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in listing


def test_progress_is_recorded_batch_by_batch_with_the_flags(person, entry_of, db):
    for n in range(5):
        entry_of(person, date=DAY + datetime.timedelta(days=n))
    run = services.retriage_run_create(requested_by=None)
    seen = []
    original = services.engine.entries_retriage

    def watch(**kwargs):
        seen.append(RetriageRun.objects.get(pk=run.pk).done)
        return original(**kwargs)

    services.engine.entries_retriage, restore = watch, original
    try:
        services.retriage_run_execute(run_id=run.pk, batch_size=2)
    finally:
        services.engine.entries_retriage = restore
    assert seen == [0, 2, 4]
    run.refresh_from_db()
    assert (run.done, run.total, run.percent, run.status) == (5, 5, 100, RunStatus.DONE)


def test_a_run_that_was_interrupted_goes_on_where_it_stopped(person, entry_of, db, monkeypatch):
    for n in range(4):
        entry_of(person, date=DAY + datetime.timedelta(days=n))
    run = services.retriage_run_create(requested_by=None)
    calls = []
    original = services.engine.entries_retriage

    def fail_on_second_batch(**kwargs):
        calls.append(sorted(kwargs["entry_ids"]))
        if len(calls) == 2:
            raise ConnectionError("worker lost")
        return original(**kwargs)

    monkeypatch.setattr(services.engine, "entries_retriage", fail_on_second_batch)
    with pytest.raises(ConnectionError):
        services.retriage_run_execute(run_id=run.pk, batch_size=2)
    assert RetriageRun.objects.get(pk=run.pk).done == 2  # the first batch, with its flags
    services.retriage_run_execute(run_id=run.pk, batch_size=2)  # delivered again
    run.refresh_from_db()
    assert (run.done, run.total, run.status) == (4, 4, RunStatus.DONE)
    assert calls[0] != calls[2] and calls[1] == calls[2]  # the second batch again, not the first


def test_a_finished_run_delivered_again_does_nothing(person, entry_of, db):
    entry_of(person)
    run = services.retriage_run_create(requested_by=None)
    services.retriage_run_execute(run_id=run.pk)
    assert services.retriage_run_execute(run_id=run.pk) is None
    assert RetriageRun.objects.get(pk=run.pk).done == 1


def test_a_second_run_is_refused_while_one_is_going(admin_client, spasm_days, monkeypatch):
    monkeypatch.setattr("lib.tasks._dispatch", lambda task, kwargs: None)
    first = apply_action(admin_client)
    second = apply_action(admin_client, confirmed=True)
    assert RetriageRun.objects.count() == 1
    assert second["Location"] == first["Location"]
    page = admin_client.get(second["Location"]).content.decode()
    assert "The rules are being applied already" in page


def test_a_run_with_no_sign_of_life_for_an_hour_no_longer_blocks_a_new_one(db):
    stalled = services.retriage_run_create(requested_by=None)
    RetriageRun.objects.filter(pk=stalled.pk).update(updated_at=timezone.now() - datetime.timedelta(hours=2))
    fresh = services.retriage_run_create(requested_by=None)
    stalled.refresh_from_db()
    assert stalled.status == RunStatus.FAILED and "no progress for an hour" in stalled.error
    assert fresh.status == RunStatus.QUEUED


def test_a_task_that_gives_up_marks_its_run_failed(person, entry_of, db, monkeypatch):
    entry_of(person)
    run = services.retriage_run_create(requested_by=None)

    def broken(**kwargs):
        raise ValueError("a bug, with a row's content in its message")

    monkeypatch.setattr(services.engine, "entries_retriage", broken)
    retriage_run.apply(kwargs={"run_id": run.pk})
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.error == "Stopped by an error (ValueError); start it again."
    assert services.retriage_run_create(requested_by=None).status == RunStatus.QUEUED


def test_staff_who_may_not_change_rules_cannot_start_a_run(client, db, spasm_days):
    clerk = UserFactory(username="clerk", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_triagerule"))
    client.force_login(clerk)
    apply_action(client)
    assert not RetriageRun.objects.exists()


def test_the_rule_page_points_to_the_action_after_a_change(admin_client):
    from tests.triage.test_rule_admin import form

    response = admin_client.post(
        reverse("admin:triage_triagerule_change", args=["recurring_spasms"]), form(min_days="2"), follow=True
    )
    assert "Apply the rules to past entries" in response.content.decode()
