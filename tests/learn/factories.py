"""Factories for the educational content."""

import factory
from django.utils import timezone

from learn.models import Article, Status, Tip, Topic


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Test article {n}")
    slug = factory.Sequence(lambda n: f"test-article-{n}")
    summary = "A short summary."
    body = "Some **Markdown**."
    topic = Topic.SELF_HELP
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class TipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tip

    condition = "long_sitting"
    text = factory.Sequence(lambda n: f"Test tip {n}.")
    article = factory.SubFactory(ArticleFactory)
