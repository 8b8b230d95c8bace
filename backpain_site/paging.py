"""Paging shared by the filtered lists (a person's journal, the review queue)."""

from django.core.paginator import Paginator


def page_of(request, items, *, per_page):
    """The page of ``items`` the query string asks for (the first, or the last when past the end),
    and the query string without ``page``, for the links to the other pages to keep the filters."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
