"""Each urgency has a waiting time (admin settings; emergency 1 hour, urgent 8 hours, soon 3 days,
routine 14 days by default): the queue says how much time is left or how long an entry is
overdue, around each limit; the clock starts again when an entry is reopened; the reviewer mail
names the overdue cases."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from review.models import Review, WaitingTime
from review.selectors import waiting_limits
from review.services import review_reopen, review_resolve, waiting_times_ensure
from review.waiting import duration_words, time_left
from tests.factories import UserFactory, make_reviewer
from tests.html import table_rows

MINUTE, HOUR, DAY = datetime.timedelta(minutes=1), datetime.timedelta(hours=1), datetime.timedelta(days=1)
LIMITS = {"emergency": HOUR, "urgent": 8 * HOUR, "soon": 3 * DAY, "routine": 14 * DAY}
START = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
# What each urgency's entry looks like, as in the queue's tests.
ENTRIES = {
    "emergency": {"symptoms": ["chest_pain"]},
    "urgent": {"lower_back": 4, "symptoms": ["fever"]},
    "soon": {"upper_back": 5, "symptoms": ["headache"]},
    "routine": {"painkillers": True},
}


def test_the_shipped_waiting_times(db):
    assert waiting_limits() == LIMITS
    assert {row.urgency: str(row) for row in WaitingTime.objects.all()} == {
        "emergency": "Emergency: 1 h",
        "urgent": "Urgent: 8 h",
        "soon": "Soon: 3 days",
        "routine": "Routine: 14 days",
    }


def test_a_missing_waiting_time_comes_back_and_a_changed_one_stays(db):
    WaitingTime.objects.filter(urgency="soon").delete()
    WaitingTime.objects.filter(urgency="routine").update(amount=10)
    assert waiting_limits()["soon"] == 3 * DAY  # the shipped default counts meanwhile
    waiting_times_ensure()  # as after a flush (post_migrate)
    assert waiting_limits() == LIMITS | {"routine": 10 * DAY}


@pytest.mark.parametrize("urgency", LIMITS)
@pytest.mark.parametrize(
    "waited, words, overdue",
    [
        (-MINUTE, "1 min left", False),
        (-datetime.timedelta(seconds=1), "under a minute left", False),
        (datetime.timedelta(0), "due now", False),
        (datetime.timedelta(seconds=1), "overdue by under a minute", True),
        (MINUTE, "overdue by 1 min", True),
    ],
)
def test_the_label_around_each_limit(urgency, waited, words, overdue):
    deadline = START + LIMITS[urgency]
    label = time_left(deadline=deadline, now=deadline + waited)
    assert (label.words, label.overdue) == (words, overdue)


@pytest.mark.parametrize(
    "duration, words",
    [
        (datetime.timedelta(seconds=59), "under a minute"),
        (MINUTE, "1 min"),
        (59 * MINUTE + datetime.timedelta(seconds=59), "59 min"),
        (HOUR, "1 h"),
        (HOUR + MINUTE, "1 h 1 min"),
        (8 * HOUR - MINUTE, "7 h 59 min"),
        (DAY, "1 day"),
        (DAY + HOUR + MINUTE, "1 day 1 h"),
        (3 * DAY - MINUTE, "2 days 23 h"),
        (14 * DAY, "14 days"),
    ],
)
def test_durations_in_words_round_down(duration, words):
    assert duration_words(duration) == words


def flagged(person, entry_of, urgency, waited):
    entry = entry_of(person, **ENTRIES[urgency])
    Review.objects.filter(entry=entry).update(waiting_since=timezone.now() - waited)
    return entry


def time_left_on_the_queue(client, entry):
    rows = table_rows(client.get(reverse("review:queue"), {"show": "entries"}).content, "review-queue")
    (row,) = [row for row in rows if row[0] == f"Entry of {entry.date:%-d %b %Y}"]
    return row[5]


@pytest.mark.parametrize("urgency", LIMITS)
def test_the_queue_shows_the_time_left_just_before_the_limit(reviewer_client, person, entry_of, urgency):
    # Two minutes before; the page is read a moment later, and the label rounds down.
    entry = flagged(person, entry_of, urgency, LIMITS[urgency] - 2 * MINUTE)
    assert time_left_on_the_queue(reviewer_client, entry) == "1 min left"


@pytest.mark.parametrize("urgency", LIMITS)
def test_the_queue_shows_overdue_just_after_the_limit(reviewer_client, person, entry_of, urgency):
    entry = flagged(person, entry_of, urgency, LIMITS[urgency] + MINUTE)
    assert time_left_on_the_queue(reviewer_client, entry) == "Overdue by 1 min"


def test_a_resolved_entry_no_longer_waits(reviewer_client, reviewer, person, entry_of):
    entry = flagged(person, entry_of, "soon", 5 * DAY)
    review_resolve(review=Review.objects.get(entry=entry), actor=reviewer, version=1, outcome="not_needed")
    rows = table_rows(
        reviewer_client.get(reverse("review:queue"), {"show": "entries", "status": "resolved"}).content,
        "review-queue",
    )
    assert rows[0][5] == "not waiting"


def test_reopening_starts_the_clock_again(reviewer, person, entry_of):
    entry = flagged(person, entry_of, "soon", 5 * DAY)
    review = Review.objects.get(entry=entry)
    review_resolve(review=review, actor=reviewer, version=1, outcome="not_needed")
    before = timezone.now()
    review_reopen(review=review, actor=reviewer, version=2)
    assert Review.objects.get(entry=entry).waiting_since >= before


def test_a_new_flag_reopening_an_entry_starts_its_clock_again(reviewer, person, entry_of):
    from front.services import entry_update

    entry = flagged(person, entry_of, "soon", 5 * DAY)
    review_resolve(review=Review.objects.get(entry=entry), actor=reviewer, version=1, outcome="not_needed")
    before = timezone.now()
    entry_update(entry=entry, data={"upper_back": 5, "symptoms": ["headache", "chest_pain"]})
    review = Review.objects.get(entry=entry)
    assert review.status == "open" and review.waiting_since >= before


# --- The settings in the admin ----------------------------------------------------------------

CHANGELIST = reverse("admin:review_waitingtime_changelist")


@pytest.fixture
def admin_client_(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def post_waiting_times(client, **changes):
    """Post the admin's list of waiting times as shown, with ``changes`` ({urgency: (amount, unit)})."""
    formset = client.get(CHANGELIST).context["cl"].formset
    data = {key: value for key, value in formset.management_form.initial.items()}
    data = {f"form-{key}": value for key, value in data.items()} | {"_save": "Save"}
    for n, form in enumerate(formset.forms):
        amount, unit = changes.get(form.instance.urgency, (form.instance.amount, form.instance.unit))
        data |= {
            f"form-{n}-urgency": form.instance.urgency,
            f"form-{n}-amount": amount,
            f"form-{n}-unit": unit,
        }
    return client.post(CHANGELIST, data)


def test_the_admin_lists_the_urgencies_highest_first(admin_client_):
    page = admin_client_.get(CHANGELIST).content.decode()
    order = [page.index(f">{name}</td>") for name in ("Emergency", "Urgent", "Soon", "Routine")]
    assert order == sorted(order)


def test_an_admin_changes_a_waiting_time_and_the_queue_follows(admin_client_, person, entry_of):
    entry = flagged(person, entry_of, "soon", 2 * DAY + MINUTE)
    response = post_waiting_times(admin_client_, soon=(2, "days"))
    assert response.status_code == 302
    assert waiting_limits()["soon"] == 2 * DAY
    reviewer_client = type(admin_client_)()
    reviewer_client.force_login(make_reviewer())
    assert time_left_on_the_queue(reviewer_client, entry) == "Overdue by 1 min"


def test_a_higher_urgency_may_not_wait_longer_than_a_lower_one(admin_client_):
    response = post_waiting_times(admin_client_, urgent=(4, "days"))
    assert response.status_code == 200
    assert (
        "Urgent entries may not wait longer than soon ones (4 days against 3 days)."
        in response.content.decode()
    )
    assert waiting_limits() == LIMITS


def test_a_waiting_time_is_a_whole_number_above_zero(admin_client_):
    response = post_waiting_times(admin_client_, routine=(0, "days"))
    assert response.status_code == 200
    assert waiting_limits() == LIMITS


def test_waiting_times_are_neither_added_nor_deleted(admin_client_):
    assert admin_client_.get(reverse("admin:review_waitingtime_add")).status_code == 403
    assert admin_client_.get(reverse("admin:review_waitingtime_delete", args=["soon"])).status_code == 403


# --- The reviewer mail ------------------------------------------------------------------------


def test_the_reviewer_mail_names_the_overdue_cases(
    person, other_person, entry_of, django_capture_on_commit_callbacks
):
    make_reviewer("ash")
    flagged(person, entry_of, "soon", 4 * DAY)
    flagged(person, entry_of, "routine", DAY)
    with django_capture_on_commit_callbacks(execute=True):
        entry_of(other_person, symptoms=["chest_pain"])  # a new emergency: the mail goes out
    (message,) = mail.outbox
    assert "Waiting longer than their urgency allows (1 case):\n" in message.body
    assert (
        f"- soon, 1 of 2 entries overdue: http://localhost:8000/review/people/{person.pk}/\n" in message.body
    )
    # Still no name, rule or date in the mail.
    assert "alex" not in message.body and "headache" not in message.body.lower()


def test_without_overdue_cases_the_mail_says_nothing_of_them(
    person, entry_of, django_capture_on_commit_callbacks
):
    make_reviewer("ash")
    with django_capture_on_commit_callbacks(execute=True):
        entry_of(person, symptoms=["chest_pain"])
    (message,) = mail.outbox
    assert "Waiting longer" not in message.body


def test_the_mail_names_ten_cases_and_points_to_the_queue_for_the_rest(
    entry_of, django_capture_on_commit_callbacks
):
    make_reviewer("ash")
    for n in range(12):
        flagged(UserFactory(username=f"late{n}"), entry_of, "routine", 15 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        entry_of(UserFactory(username="new"), symptoms=["chest_pain"])
    (message,) = mail.outbox
    assert "(12 cases):" in message.body
    assert message.body.count("/review/people/") == 10
    assert "- and 2 more: http://localhost:8000/review/\n" in message.body
