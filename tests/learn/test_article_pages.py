"""/learn/ and /learn/<slug>/: published articles for everyone, drafts only as an editor's preview."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from learn.models import Article, Status, Topic
from tests.factories import UserFactory
from tests.learn.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return ArticleFactory(slug="draft-article", title="Unfinished", status=Status.DRAFT, published_at=None)


def test_the_list_shows_published_articles_by_topic_without_logging_in(client, draft):
    ArticleFactory(title="Why it hurts", topic=Topic.CAUSES)
    ArticleFactory(title="Go see someone", topic=Topic.WHEN_TO_SEE_A_DOCTOR)
    response = client.get(reverse("learn:article-list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Why it hurts" in content and "Go see someone" in content
    assert "Unfinished" not in content
    assert content.index('id="topic-causes"') < content.index('id="topic-when_to_see_a_doctor"')


def test_an_article_page_shows_the_rendered_body(client):
    article = ArticleFactory(body="## Heat helps\n\nA **warm** shower.\n\n<script>alert(1)</script>")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert b"<h2>Heat helps</h2>" in response.content
    assert b"<strong>warm</strong>" in response.content
    assert b"alert(1)" not in response.content
    assert b"Draft preview" not in response.content


def test_an_unknown_article_is_404(client):
    assert client.get(reverse("learn:article-detail", args=["nothing-here"])).status_code == 404


def test_a_draft_is_404_to_the_public(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_is_404_to_a_person_who_is_not_an_editor(person_client, draft):
    assert person_client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_is_404_to_staff_without_the_change_permission(client, draft):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_editor_sees_a_draft_as_a_preview_never_cached(client, draft):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert b"Draft preview" in response.content
    assert "no-store" in response["Cache-Control"]


def test_see_a_doctor_redirects_to_the_article_on_when_to_see_a_doctor(client):
    Article.objects.filter(topic=Topic.WHEN_TO_SEE_A_DOCTOR).delete()
    ArticleFactory(
        slug="doctor-later", topic=Topic.WHEN_TO_SEE_A_DOCTOR, status=Status.DRAFT, published_at=None
    )
    article = ArticleFactory(slug="doctor", topic=Topic.WHEN_TO_SEE_A_DOCTOR)
    response = client.get(reverse("learn:see-a-doctor"))
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


def test_see_a_doctor_falls_back_to_the_topic_on_the_list(client):
    Article.objects.filter(topic=Topic.WHEN_TO_SEE_A_DOCTOR).delete()
    response = client.get(reverse("learn:see-a-doctor"))
    assert response["Location"] == reverse("learn:article-list") + "#topic-when_to_see_a_doctor"


def test_the_pages_run_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # One read each; the other two are the savepoint of the request's transaction.
    ArticleFactory.create_batch(30)
    with django_assert_max_num_queries(3):
        assert client.get(reverse("learn:article-list")).status_code == 200
    article = ArticleFactory()
    with django_assert_max_num_queries(3):
        assert client.get(article.get_absolute_url()).status_code == 200
