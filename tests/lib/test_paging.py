"""Paging keeps the filters in the links and lands on a page that exists."""

from django.test import RequestFactory

from lib.paging import page_of


def test_the_query_string_keeps_the_filters_without_the_page():
    request = RequestFactory().get("/list/", {"region": "neck", "page": "2"})
    page, query = page_of(request, list(range(45)), per_page=20)
    assert page.number == 2
    assert list(page.object_list) == list(range(20, 40))
    assert query == "region=neck"


def test_a_page_past_the_end_gives_the_last_and_a_bad_one_the_first():
    items = list(range(45))
    past, _ = page_of(RequestFactory().get("/", {"page": "99"}), items, per_page=20)
    bad, _ = page_of(RequestFactory().get("/", {"page": "two"}), items, per_page=20)
    assert past.number == 3 and list(past.object_list) == [40, 41, 42, 43, 44]
    assert bad.number == 1
