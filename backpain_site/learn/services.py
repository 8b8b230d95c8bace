"""Writes to the educational content: publishing and unpublishing articles."""

from django.utils import timezone

from backpain_site.learn.models import Status


def articles_publish(*, articles, now=None):
    """Publish the articles; one published before keeps its first publication time."""
    now = now or timezone.now()
    drafts = articles.filter(status=Status.DRAFT)
    count = drafts.count()
    drafts.filter(published_at__isnull=True).update(status=Status.PUBLISHED, published_at=now, updated_at=now)
    drafts.update(status=Status.PUBLISHED, updated_at=now)
    return count


def articles_unpublish(*, articles, now=None):
    """Take the articles back to draft: the public gets 404, editors still see a preview."""
    return articles.filter(status=Status.PUBLISHED).update(
        status=Status.DRAFT, updated_at=now or timezone.now()
    )


def article_save(*, article, author=None):
    """Save an article from the admin, naming its author the first time and dating its publication."""
    if article.author_id is None and author is not None:
        article.author = author
    if article.status == Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    article.save()
    return article
