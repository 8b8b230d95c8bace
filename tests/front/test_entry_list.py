import datetime

from django.urls import reverse

from journal.selectors import PAGE_SIZE

URL = reverse("journal:entry-list")


def test_an_empty_journal_invites_a_first_entry(person_client):
    html = person_client.get(URL).content.decode()
    assert "Your journal is empty." in html
    assert reverse("journal:entry-create") in html


def test_entries_are_listed_newest_first(person_client, person, entry_of):
    entry_of(person, date=datetime.date(2026, 3, 1), lower_back=1)
    entry_of(person, date=datetime.date(2026, 3, 3), lower_back=3)
    entry_of(person, date=datetime.date(2026, 3, 2), lower_back=2)
    html = person_client.get(URL).content.decode()
    assert html.index("Tue 3 Mar 2026") < html.index("Mon 2 Mar 2026") < html.index("Sun 1 Mar 2026")


def test_the_list_is_paginated(person_client, person, entry_of):
    first_day = datetime.date(2026, 1, 1)
    for n in range(PAGE_SIZE + 3):
        entry_of(person, date=first_day + datetime.timedelta(days=n))
    first = person_client.get(URL)
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert "Page 1 of 2" in first.content.decode()
    second = person_client.get(URL, {"page": 2})
    assert len(second.context["page"].object_list) == 3
    assert "Thu 1 Jan 2026" in second.content.decode()


def test_filtering_by_date_range(person_client, person, entry_of):
    for day in (1, 10, 20):
        entry_of(person, date=datetime.date(2026, 3, day))
    page = person_client.get(URL, {"date_from": "2026-03-05", "date_to": "2026-03-15"})
    html = page.content.decode()
    assert "Tue 10 Mar 2026" in html
    assert "Sun 1 Mar 2026" not in html and "Fri 20 Mar 2026" not in html
    assert "1 entry matches your filter." in " ".join(html.split())


def test_filtering_by_region_keeps_entries_where_it_hurts(person_client, person, entry_of):
    entry_of(person, date=datetime.date(2026, 3, 1), neck=4, upper_back=0)
    entry_of(person, date=datetime.date(2026, 3, 2), lower_back=5, upper_back=0)
    html = person_client.get(URL, {"region": "neck"}).content.decode()
    assert "Sun 1 Mar 2026" in html and "Mon 2 Mar 2026" not in html


def test_a_reversed_date_range_is_explained(person_client):
    html = person_client.get(URL, {"date_from": "2026-03-10", "date_to": "2026-03-01"}).content.decode()
    assert "The end date is before the start date." in html


def test_a_filter_with_no_match_says_so(person_client, person, entry_of):
    entry_of(person, date=datetime.date(2026, 3, 1))
    html = person_client.get(URL, {"date_from": "2026-04-01"}).content.decode()
    assert "No entries match this filter." in html


def test_pagination_links_keep_the_filter(person_client, person, entry_of):
    for n in range(PAGE_SIZE + 1):
        entry_of(person, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n), neck=2)
    html = person_client.get(URL, {"region": "neck"}).content.decode()
    assert "?region=neck&amp;page=2" in html
