"""Every time a staff member opens a person's entry (review page or admin) an access record is
kept: who, which entry, when, from which page, never what the entry says. Admins read them in the
admin without being able to change them; the person sees them on their account page."""

import datetime
import json

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from front.services import entry_update
from journal.models import Entry
from review.models import Review
from tests.factories import UserFactory

ACCESS = LogEntry.Action.ACCESS


def accesses():
    return LogEntry.objects.filter(action=ACCESS)


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


def test_opening_the_review_page_is_recorded(reviewer_client, reviewer, person, flagged_entry):
    reviewer_client.get(reverse("review:detail", args=[flagged_entry.pk]))
    record = accesses().get()
    assert (record.actor, record.object_id, record.object_repr) == (
        reviewer,
        flagged_entry.pk,
        f"Entry {flagged_entry.pk}",
    )
    assert record.additional_data == {"page": "review", "person": person.pk}
    assert record.timestamp is not None


@pytest.mark.parametrize(("name", "page"), [("change", "admin"), ("history", "admin-history")])
def test_opening_an_entry_in_the_admin_is_recorded(client, superuser, person, flagged_entry, name, page):
    client.force_login(superuser)
    assert client.get(reverse(f"admin:journal_entry_{name}", args=[flagged_entry.pk])).status_code == 200
    record = accesses().get()
    assert (record.actor, record.additional_data) == (superuser, {"page": page, "person": person.pk})


def test_the_list_of_entries_and_a_missing_entry_record_nothing(client, superuser, flagged_entry):
    client.force_login(superuser)
    client.get(reverse("admin:journal_entry_changelist"))
    client.get(reverse("admin:journal_entry_change", args=[999999]))
    assert not accesses().exists()


def test_no_record_holds_what_the_entry_says(client, reviewer_client, superuser, flagged_entry):
    reviewer_client.get(reverse("review:detail", args=[flagged_entry.pk]))
    client.force_login(superuser)
    client.get(reverse("admin:journal_entry_change", args=[flagged_entry.pk]))
    dumped = json.dumps(list(LogEntry.objects.values()), default=str)
    for content in ("private words of alex", "headache", "2026-03-10", "upper_back"):
        assert content not in dumped


def test_saving_an_entry_writes_no_audit_record(flagged_entry):
    entry_update(entry=flagged_entry, data={"notes": "more private words"})
    assert not LogEntry.objects.filter(content_type__model="entry").exists()


def test_access_records_are_read_only_in_the_admin(client, reviewer_client, superuser, flagged_entry):
    reviewer_client.get(reverse("review:detail", args=[flagged_entry.pk]))
    record = accesses().get()
    client.force_login(superuser)
    listing = client.get(reverse("admin:auditlog_logentry_changelist"), {"action": ACCESS})
    assert listing.status_code == 200 and f"Entry {flagged_entry.pk}" in listing.content.decode()
    change = reverse("admin:auditlog_logentry_change", args=[record.pk])
    assert 'name="_save"' not in client.get(change).content.decode()
    assert client.post(change, {"object_repr": "x"}).status_code == 403
    assert (
        client.post(reverse("admin:auditlog_logentry_delete", args=[record.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert accesses().get().object_repr == f"Entry {flagged_entry.pk}"


def test_the_person_sees_who_opened_their_entries(client, reviewer_client, person, superuser, flagged_entry):
    reviewer_client.get(reverse("review:detail", args=[flagged_entry.pk]))
    client.force_login(superuser)
    client.get(reverse("admin:journal_entry_change", args=[flagged_entry.pk]))
    client.force_login(person)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "opened your entries 2 times" in page
    assert "<strong>rowan</strong>" in page and "the review page" in page
    assert "<strong>root</strong>" in page and "the administration" in page
    assert reverse("journal:entry-detail", args=[flagged_entry.pk]) in page
    assert f"your entry of {flagged_entry.date:%-d %B %Y}" in page


def test_an_access_to_an_entry_since_deleted_still_shows(reviewer_client, person, flagged_entry):
    reviewer_client.get(reverse("review:detail", args=[flagged_entry.pk]))
    reviewer_client.force_login(person)
    reviewer_client.post(reverse("journal:entry-delete", args=[flagged_entry.pk]))
    page = reviewer_client.get(reverse("accounts:profile")).content.decode()
    assert "an entry you have since deleted" in page


def test_a_person_sees_only_accesses_to_their_own_entries(
    client, reviewer_client, other_person, flagged_entry
):
    reviewer_client.get(reverse("review:detail", args=[flagged_entry.pk]))
    client.force_login(other_person)
    assert (
        "No staff member has opened your entries." in client.get(reverse("accounts:profile")).content.decode()
    )


@pytest.mark.parametrize("count", [3, 60])
def test_the_account_page_lists_the_latest_accesses_in_fixed_queries(
    client, reviewer, person, flagged_entry, django_assert_max_num_queries, count
):
    # Visits on as many days: written directly, as the service folds one visit's showings into one.
    LogEntry.objects.bulk_create(
        LogEntry(
            content_type=ContentType.objects.get_for_model(Entry),
            object_pk=str(flagged_entry.pk),
            object_id=flagged_entry.pk,
            object_repr=f"Entry {flagged_entry.pk}",
            action=ACCESS,
            actor=reviewer,
            additional_data={"page": "review", "person": person.pk},
            timestamp=timezone.now() - datetime.timedelta(days=day),
        )
        for day in range(count)
    )
    client.force_login(person)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("accounts:profile")).content.decode()
    assert f"opened your entries {count} times" in page
    assert page.count("<strong>rowan</strong>") == min(count, 20)


def test_one_visit_with_several_actions_is_one_access(reviewer_client, reviewer, flagged_entry):
    detail = reverse("review:detail", args=[flagged_entry.pk])
    reviewer_client.get(detail)
    reviewer_client.post(reverse("review:claim", args=[flagged_entry.pk]), {"version": 1}, follow=True)
    reviewer_client.post(
        reverse("review:note", args=[flagged_entry.pk]),
        {"version": 2, "note": "Checked."},
        follow=True,
    )
    assert Review.objects.get(entry=flagged_entry).version == 3
    assert accesses().count() == 1
    accesses().update(timestamp=timezone.now() - datetime.timedelta(minutes=11))
    reviewer_client.get(detail)  # opening it again later is a new visit
    assert accesses().count() == 2


@pytest.mark.parametrize(
    ("action", "data", "status"),
    [("note", {"version": 1}, 400), ("claim", {"version": 7}, 409), ("release", {"version": 1}, 409)],
)
def test_a_page_shown_after_a_refused_action_is_an_access_too(
    reviewer_client, reviewer, flagged_entry, action, data, status
):
    response = reviewer_client.post(reverse(f"review:{action}", args=[flagged_entry.pk]), data)
    assert response.status_code == status
    assert "private words of alex" in response.content.decode()
    assert accesses().filter(actor=reviewer, object_id=flagged_entry.pk).count() == 1
