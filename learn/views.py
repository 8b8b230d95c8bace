"""Public pages of the educational content: the articles by topic, and one article.

They only read, so they run outside a transaction (ATOMIC_REQUESTS would open one for each).
"""

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from learn import selectors


@transaction.non_atomic_requests
def article_list(request):
    return render(request, "learn/article_list.html", {"topics": selectors.published_articles_by_topic()})


@transaction.non_atomic_requests
def article_detail(request, slug):
    article = selectors.article_for_reader(slug=slug, user=request.user)
    response = render(
        request, "learn/article_detail.html", {"article": article, "preview": not article.is_published}
    )
    if not article.is_published:
        # A draft is for editors only: no shared cache may keep it.
        add_never_cache_headers(response)
    return response


@transaction.non_atomic_requests
def see_a_doctor(request):
    """A stable address for triage messages: the current article on when to see a doctor."""
    article = selectors.when_to_see_a_doctor_article()
    if article is None:
        return redirect(reverse("learn:article-list") + "#topic-when_to_see_a_doctor")
    return redirect(article)
