"""The "Content editors" group may edit articles and tips in the admin, and nothing else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory
from tests.learn.factories import ArticleFactory, TipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = UserFactory(username="editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(editor)
    return client


def test_the_group_holds_exactly_the_article_and_tip_permissions():
    group = Group.objects.get(name="Content editors")
    assert sorted(group.permissions.values_list("codename", flat=True)) == sorted(
        f"{action}_{model}" for model in ("article", "tip") for action in ("add", "change", "delete", "view")
    )


@pytest.mark.parametrize(
    "name",
    [
        "admin:learn_article_changelist",
        "admin:learn_article_add",
        "admin:learn_tip_changelist",
        "admin:learn_tip_add",
    ],
)
def test_an_editor_can_open_the_content_admin(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 200


def test_an_editor_can_change_an_article_and_a_tip(editor_client):
    tip = TipFactory()
    assert editor_client.get(reverse("admin:learn_article_change", args=[tip.article.pk])).status_code == 200
    assert editor_client.get(reverse("admin:learn_tip_change", args=[tip.pk])).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "admin:journal_entry_changelist",
        "admin:accounts_user_changelist",
        "admin:auth_group_changelist",
        "admin:triage_flag_changelist",
        "admin:triage_triagerule_changelist",
    ],
)
def test_an_editor_gets_403_everywhere_else(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 403


def test_an_editors_admin_index_lists_only_learn(editor_client):
    ArticleFactory()
    response = editor_client.get(reverse("admin:index"))
    assert [app["app_label"] for app in response.context["app_list"]] == ["learn"]
