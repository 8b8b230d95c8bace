"""Reads of the educational content, and the tips that fit a person's day."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import Max, Min, Q
from django.http import Http404

from journal.models import Entry
from learn import tips
from learn.models import Article, Status, Tip, Topic

if TYPE_CHECKING:
    from accounts.models import User


def published_articles_by_topic() -> list[tuple[str, str, list[Article]]]:
    """[(topic label, topic code, [articles])] in the topics' order, empty topics left out; one query."""
    articles = list(Article.objects.published().only("title", "slug", "summary", "topic", "published_at"))
    return [
        (topic.label, topic.value, group)
        for topic in Topic
        if (group := [article for article in articles if article.topic == topic])
    ]


def article_for_reader(*, slug: str, user: Any) -> Article:
    """A published article for anyone; a draft only for staff who may edit articles (a preview)."""
    try:
        article = Article.objects.select_related("author").get(slug=slug)
    except Article.DoesNotExist:
        raise Http404("No such article") from None
    if not article.is_published and not can_preview(user=user):
        raise Http404("No such article")
    return article


def can_preview(*, user: Any) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perm("learn.change_article"))


def when_to_see_a_doctor_article() -> Article | None:
    """The published article on when to see a doctor (the first one published, if there are several)."""
    return (
        Article.objects.published()
        .filter(topic=Topic.WHEN_TO_SEE_A_DOCTOR)
        .order_by("published_at", "id")
        .only("title", "slug")
        .first()
    )


def journal_history(*, user: User, day: datetime.date) -> tips.History:
    """The person's first entry date and last strength-training date up to ``day``; one query."""
    found = (
        Entry.objects.of(user)
        .filter(date__lte=day)
        .aggregate(first=Min("date"), strength=Max("date", filter=Q(strength_training=True)))
    )
    return tips.History(first_entry=found["first"], last_strength_training=found["strength"])


def tips_for_day(*, user: User, day: datetime.date, entries: Sequence[Entry]) -> list[Tip]:
    """Up to three enabled tips matching the day's entries (all of the same ``day``), each with a
    published article to read more. Two queries at most, whatever the number of entries or tips."""
    if not entries:
        return []
    conditions = tips.day_conditions(entries, journal_history(user=user, day=day))
    if not conditions:
        return []
    by_condition: dict[str, list[Tip]] = {}
    for tip in (
        Tip.objects.filter(enabled=True, condition__in=conditions, article__status=Status.PUBLISHED)
        .select_related("article")
        .only("id", "condition", "text", "article__title", "article__slug")
        .order_by("id")
    ):
        by_condition.setdefault(tip.condition, []).append(tip)
    return tips.pick(conditions, by_condition, day)


def tips_for_dashboard(
    *, user: User, today: datetime.date, todays_entries: Sequence[Entry], latest_entries: Sequence[Entry]
) -> tuple[list[Tip], datetime.date | None]:
    """The tips for today's entries; before the first entry of the day, for the latest entry's day.

    Returns (tips, day): day is None when the tips are about today, else the earlier day they fit.
    """
    if todays_entries:
        return tips_for_day(user=user, day=today, entries=todays_entries), None
    if latest_entries:
        latest = latest_entries[0]
        return tips_for_day(user=user, day=latest.date, entries=[latest]), latest.date
    return [], None


def tips_for_entry(*, user: User, entry: Entry) -> list[Tip]:
    return tips_for_day(user=user, day=entry.date, entries=[entry])
