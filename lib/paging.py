"""Paging shared by the filtered lists (a person's journal, the review queue)."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def page_of(request: HttpRequest, items: Any, *, per_page: int) -> tuple[Page[Any], str]:
    """The page of ``items`` the query string asks for (the first, or the last when past the end),
    and the query string without ``page``, for the links to the other pages to keep the filters."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
