"""What the app does when the broker (Redis) is configured but down: the web keeps working, a saved
entry stays saved, and the work the request asked for is done in the request's own process."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import entry_post_data, make_reviewer
from triage.models import RetriageRun, RunStatus


@pytest.fixture
def redis_down(use_broker):
    """The broker is set, at a port where nothing listens."""
    use_broker("redis://127.0.0.1:9/0")


def test_saving_an_entry_with_redis_down_keeps_it_and_still_mails_the_reviewers(
    redis_down, person_client, django_capture_on_commit_callbacks, caplog
):
    make_reviewer("ash")
    started = datetime.datetime.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = person_client.post(
            reverse("journal:entry-create"),
            entry_post_data(upper_back="3", other_red_flag_symptoms=["chest_pain"], notes="keep me"),
        )
    assert response.status_code == 302
    assert person_client.get(reverse("journal:entry-list")).context["page"].paginator.count == 1
    assert [message.to[0] for message in mail.outbox] == ["ash@example.org"]
    assert "The task queue cannot be reached" in caplog.text and "runs in this process instead" in caplog.text
    assert datetime.datetime.now() - started < datetime.timedelta(seconds=10)


def test_applying_the_rules_with_redis_down_runs_in_the_admins_request(
    redis_down, admin_client, person, entry_of, django_capture_on_commit_callbacks
):
    entry_of(person)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:triage_triagerule_changelist"),
            {"action": "apply_to_past_entries", "_selected_action": ["numbness"], "confirmed": "yes"},
        )
    run = RetriageRun.objects.get()
    assert (run.status, run.done, run.total) == (RunStatus.DONE, 1, 1)
