"""Only reviewers (the Reviewers group) and superusers reach the review pages: anonymous visitors
are sent to log in, people and other staff get 403, for every page and every action."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from journal.models import Entry
from review.models import Review, ReviewEvent
from review.services import review_claim, review_resolve
from tests.factories import UserFactory, make_reviewer

ACTIONS = ["claim", "release", "note", "resolve", "reopen"]


def urls(entry):
    return [
        ("get", reverse("review:queue")),
        ("get", reverse("review:detail", args=[entry.pk])),
        ("get", reverse("review:case", args=[entry.user_id])),
        ("post", reverse("review:case-resolve", args=[entry.user_id])),
    ] + [("post", reverse(f"review:{name}", args=[entry.pk])) for name in ACTIONS]


PAGES = range(9)


def who(kind):
    if kind == "person":
        return UserFactory(username="pat")
    if kind == "other_staff":
        return UserFactory(username="stan", is_staff=True)
    if kind == "reviewer":
        return make_reviewer()
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.mark.parametrize("index", PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, flagged_entry, index):
    method, url = urls(flagged_entry)[index]
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("kind", ["person", "other_staff"])
@pytest.mark.parametrize("index", PAGES)
def test_people_and_other_staff_get_403(client, flagged_entry, kind, index):
    client.force_login(who(kind))
    method, url = urls(flagged_entry)[index]
    assert getattr(client, method)(url, {"version": "1"} if method == "post" else None).status_code == 403
    assert Review.objects.get(entry=flagged_entry).version == 1


@pytest.mark.parametrize("kind", ["reviewer", "superuser"])
def test_reviewers_and_superusers_open_the_queue_and_the_review_page(client, flagged_entry, kind):
    client.force_login(who(kind))
    assert client.get(reverse("review:queue")).status_code == 200
    page = client.get(reverse("review:detail", args=[flagged_entry.pk]))
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0") and "no-store" in page["Cache-Control"]


def _ready_for(action, review):
    """Bring the review into a state ``action`` starts from, as another reviewer would; the data a
    valid form for it sends."""
    other = make_reviewer("sky")
    if action == "release":
        review_claim(review=review, actor=other, version=review.version)
    elif action == "reopen":
        review_resolve(review=review, actor=other, version=review.version, outcome="not_needed")
    data = {"version": str(review.version)}
    if action == "note":
        data["note"] = "Checked."
    elif action == "resolve":
        data.update(outcome="needed_care", message="We will call you.")
    elif action == "reopen":
        data["note"] = "Wrote again."
    return data


# What the review looks like after each action, and the step its history ends with.
AFTER = {
    "claim": ("claimed", "claimed"),
    "release": ("open", "released"),
    "note": ("open", "note"),
    "resolve": ("resolved", "messaged"),
    "reopen": ("open", "reopened"),
}


@pytest.mark.parametrize("kind", ["reviewer", "superuser"])
@pytest.mark.parametrize("action", ACTIONS)
def test_reviewers_and_superusers_may_act(client, flagged_entry, kind, action):
    actor = who(kind)
    client.force_login(actor)
    review = Review.objects.get(entry=flagged_entry)
    data = _ready_for(action, review)
    response = client.post(reverse(f"review:{action}", args=[flagged_entry.pk]), data)
    assert response.status_code == 302
    review.refresh_from_db()
    status, step = AFTER[action]
    assert review.status == status
    assert review.version == int(data["version"]) + 1
    last = ReviewEvent.objects.filter(review=review).last()
    assert (last.actor, last.action) == (actor, step)


def test_the_review_pages_refuse_get_for_actions(reviewer_client, flagged_entry):
    for name in ACTIONS:
        assert reviewer_client.get(reverse(f"review:{name}", args=[flagged_entry.pk])).status_code == 405


def test_an_entry_never_flagged_has_no_review_page(reviewer_client, person, entry_of):
    calm = entry_of(person, upper_back=1)
    assert reviewer_client.get(reverse("review:detail", args=[calm.pk])).status_code == 404


def test_the_reviewers_group_holds_the_review_permission_only(db):
    group = Group.objects.get(name="Reviewers")
    assert list(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("review", "review_flagged_entries")
    ]
    assert Permission.objects.filter(codename="review_flagged_entries").count() == 1


def test_reviewers_cannot_change_entries_in_the_admin(reviewer_client, flagged_entry):
    url = reverse("admin:journal_entry_change", args=[flagged_entry.pk])
    assert reviewer_client.get(url).status_code == 403
    assert reviewer_client.post(url, {"upper_back": "0"}).status_code == 403
    assert Entry.objects.get(pk=flagged_entry.pk).upper_back == 6


def test_the_review_queue_link_shows_only_to_reviewers(client, reviewer, flagged_entry):
    client.force_login(UserFactory(username="stan", is_staff=True))
    assert "Review queue" not in client.get(reverse("journal:dashboard")).content.decode()
    client.force_login(reviewer)
    assert "Review queue" in client.get(reverse("journal:dashboard")).content.decode()
