"""Writes to the educational content: publishing and unpublishing articles, the editors' group."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.apps import apps as django_apps
from django.apps.registry import Apps
from django.db.models import QuerySet
from django.utils import timezone

from learn.models import Article, Status
from lib.groups import group_ensure

if TYPE_CHECKING:
    from accounts.models import User

CONTENT_EDITORS_GROUP = "Content editors"
# Everything on articles and tips, and nothing else.
CONTENT_EDITOR_PERMISSIONS = [
    f"{action}_{model}" for model in ("article", "tip") for action in ("add", "change", "delete", "view")
]


def articles_publish(*, articles: QuerySet[Article], now: datetime.datetime | None = None) -> int:
    """Publish the articles; one published before keeps its first publication time."""
    now = now or timezone.now()
    drafts = articles.filter(status=Status.DRAFT)
    count = drafts.count()
    drafts.filter(published_at__isnull=True).update(status=Status.PUBLISHED, published_at=now, updated_at=now)
    drafts.update(status=Status.PUBLISHED, updated_at=now)
    return count


def articles_unpublish(*, articles: QuerySet[Article], now: datetime.datetime | None = None) -> int:
    """Take the articles back to draft: the public gets 404, editors still see a preview."""
    return articles.filter(status=Status.PUBLISHED).update(
        status=Status.DRAFT, updated_at=now or timezone.now()
    )


def article_save(*, article: Article, author: User | None = None) -> Article:
    """Save an article from the admin, naming its author the first time and dating its publication."""
    if article.author_id is None and author is not None:
        article.author = author
    if article.status == Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    article.save()
    return article


def content_editors_group_ensure(*, apps: Apps | None = None, using: str = "default", **kwargs: Any) -> None:
    """Give back the Content editors group and its permissions when they are missing (post_migrate)."""
    group_ensure(
        name=CONTENT_EDITORS_GROUP,
        app_label="learn",
        codenames=CONTENT_EDITOR_PERMISSIONS,
        apps=apps or django_apps,
        using=using,
    )
