"""A database of the earlier layout (the staff review inside triage) migrates to the current one
with every row of every model kept, and the reviewers keep their permission."""

import datetime

import pytest

from tests.migrating import latest, migrate

# The last migrations before the review moved into an app of its own (and before the journal had
# a medication list).
EARLIER = [
    ("triage", "0005_flag_order_by_keys_and_withdrawal_reason"),
    ("review", None),
    ("journal", "0002_entry_detail_constraints"),
]
# Where each model of the earlier layout lives now.
MOVED = {("triage", "review"): ("review", "review"), ("triage", "reviewevent"): ("review", "reviewevent")}
APPS = ("accounts", "journal", "triage", "learn")


def fill(apps):
    """At least one row of every model of the earlier layout, written as that layout stored them."""
    User = apps.get_model("accounts", "User")
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    person = User.objects.create(username="kim", email="kim@example.org", time_zone="UTC")
    reviewer = User.objects.create(username="rowan", email="rowan@example.org", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    apps.get_model("accounts", "HealthDataConsent").objects.create(user=person, version="2026-11-3")
    Entry = apps.get_model("journal", "Entry")
    entries = [
        Entry.objects.create(
            user=person, date=datetime.date(2026, 11, day), upper_back=day % 11, season="autumn"
        )
        for day in (1, 2, 3)
    ]
    Flag = apps.get_model("triage", "Flag")
    for entry in entries:
        Flag.objects.create(
            entry=entry,
            rule_id="painkiller_use",
            urgency="routine",
            message="m",
            reason="r",
            source="article",
        )
    Review = apps.get_model("triage", "Review")
    ReviewEvent = apps.get_model("triage", "ReviewEvent")
    claimed = Review.objects.create(
        entry=entries[0], status="claimed", claimed_by=reviewer, claimed_at=entries[0].created_at, version=2
    )
    Review.objects.create(entry=entries[1])
    ReviewEvent.objects.create(review=claimed, actor=reviewer, action="claimed")
    ReviewEvent.objects.create(review=claimed, actor=reviewer, action="note", note="Called, no answer.")
    Article = apps.get_model("learn", "Article")
    article = Article.objects.create(
        title="Sitting well",
        slug="sitting-well-test",
        summary="s",
        body="b",
        topic="prevention",
        status="draft",
    )
    apps.get_model("learn", "Tip").objects.create(condition="long_sitting", text="Stand up.", article=article)
    LogEntry = apps.get_model("auditlog", "LogEntry")
    LogEntry.objects.create(
        content_type=ContentType.objects.get_or_create(app_label="journal", model="entry")[0],
        object_pk=str(entries[0].pk),
        object_id=entries[0].pk,
        object_repr=f"Entry {entries[0].pk}",
        action=3,  # access
        actor=reviewer,
        additional_data={"page": "review", "person": person.pk},
    )


def counts(apps):
    models = [model for label in APPS for model in apps.get_app_config(label).get_models()]
    result = {}
    for model in models:
        key = (model._meta.app_label, model._meta.model_name)
        result[key] = model.objects.count()
    return result


@pytest.mark.django_db(transaction=True)
def test_every_row_of_the_earlier_layout_is_there_after_migrating():
    try:
        earlier = migrate(EARLIER)
        fill(earlier)
        before = counts(earlier)
        access_records = earlier.get_model("auditlog", "LogEntry").objects.count()

        now = migrate(latest())
        for (app_label, model_name), count in before.items():
            app_label, model_name = MOVED.get((app_label, model_name), (app_label, model_name))
            assert now.get_model(app_label, model_name).objects.count() == count, model_name
        assert all(count for count in before.values()), before
        assert now.get_model("auditlog", "LogEntry").objects.count() == access_records

        Review = now.get_model("review", "Review")
        claimed = Review.objects.get(status="claimed")
        assert (claimed.claimed_by.username, claimed.version) == ("rowan", 2)
        assert list(claimed.events.order_by("id").values_list("action", "note")) == [
            ("claimed", ""),
            ("note", "Called, no answer."),
        ]
    finally:
        migrate(latest())


@pytest.mark.django_db(transaction=True)
def test_reviewers_keep_their_permission_through_the_move():
    from django.contrib.auth import get_user_model

    try:
        earlier = migrate(EARLIER)
        fill(earlier)
        migrate(latest())
        reviewer = get_user_model().objects.get(username="rowan")
        assert reviewer.has_perm("review.review_flagged_entries")
        ContentType = earlier.get_model("contenttypes", "ContentType")
        assert not ContentType.objects.filter(
            app_label="triage", model__in=["review", "reviewevent"]
        ).exists()
    finally:
        migrate(latest())
