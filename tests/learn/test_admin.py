"""Curating in the admin: the rendered preview and the publish and unpublish actions."""

import pytest
from django.urls import reverse

from learn.models import Article, Status
from tests.factories import UserFactory
from tests.learn.factories import ArticleFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:learn_article_changelist")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_change_page_shows_a_sanitized_rendered_preview(admin_client):
    article = ArticleFactory(body="## Heading\n\n<script>alert(1)</script>**bold**")
    html = admin_client.get(reverse("admin:learn_article_change", args=[article.pk])).content.decode()
    assert "<h2>Heading</h2>" in html
    assert "<strong>bold</strong>" in html
    assert "alert(1)" not in html.split('class="learn-preview"')[1].split("</div>")[0]


def test_publish_action_publishes_drafts_and_dates_them(admin_client):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None)
    admin_client.post(CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at is not None


def test_republishing_keeps_the_first_publication_time(admin_client):
    article = ArticleFactory()
    first = article.published_at
    admin_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    admin_client.post(CHANGELIST, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at == first


def test_adding_an_article_names_its_author(admin_client):
    response = admin_client.post(
        reverse("admin:learn_article_add"),
        {
            "title": "New one",
            "slug": "new-one",
            "topic": "prevention",
            "summary": "S",
            "body": "B",
            "status": "draft",
            "published_at_0": "",
            "published_at_1": "",
            "tips-TOTAL_FORMS": "0",
            "tips-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Article.objects.get(slug="new-one").author.is_superuser


def test_a_published_article_without_a_publication_time_is_refused():
    from django.core.exceptions import ValidationError

    article = ArticleFactory.build(slug="x", status=Status.PUBLISHED, published_at=None)
    with pytest.raises(ValidationError, match="needs a publication time"):
        article.full_clean()


def test_the_changelist_searches_and_filters(admin_client):
    ArticleFactory(title="Heat and massage", topic="self_help")
    response = admin_client.get(
        CHANGELIST, {"q": "massage", "topic__exact": "self_help", "status__exact": "published"}
    )
    assert response.status_code == 200
    assert "Heat and massage" in response.content.decode()
