"""The data migration leaves a fresh install with articles to read and tips for every condition."""

import pytest

from learn.models import Article, Status, Tip, Topic
from learn.tips import Condition

pytestmark = pytest.mark.django_db


def test_a_fresh_install_has_six_to_ten_published_articles_covering_every_topic():
    articles = Article.objects.filter(author__isnull=True)
    assert 6 <= articles.count() <= 10
    assert set(articles.values_list("status", flat=True)) == {Status.PUBLISHED}
    assert set(articles.values_list("topic", flat=True)) == set(Topic.values)


def test_a_fresh_install_has_about_fifteen_tips_covering_every_condition():
    tips = Tip.objects.select_related("article")
    assert 12 <= tips.count() <= 18
    assert {tip.condition for tip in tips} == set(Condition.values)
    assert all(tip.article.is_published for tip in tips)


def test_every_starter_article_opens(client):
    for article in Article.objects.published():
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200, article.slug


def test_links_between_starter_articles_lead_to_published_articles():
    import re

    slugs = set(Article.objects.published().values_list("slug", flat=True))
    for article in Article.objects.all():
        for slug in re.findall(r"\(/learn/([\w-]+)/\)", article.body):
            assert slug in slugs, (article.slug, slug)
