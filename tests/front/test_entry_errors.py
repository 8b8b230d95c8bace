"""One submit reports every problem of the entry at once, each beside its field and in the summary:
range errors together with the ones that compare fields and those of the medicines taken."""

import re

from django.urls import reverse

from journal.models import Entry
from journal.services import medication_create
from tests.factories import entry_post_data

URL = reverse("journal:entry-create")


def summary(html):
    block = re.search(r'<div class="alert alert-danger"[^>]*id="form-errors".*?</div>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_range_errors_come_together_with_every_other_problem(person_client, person):
    medication_create(user=person, name="Ibuprofen", dose="400 mg")
    page = person_client.post(
        URL,
        entry_post_data(
            sitting_hours="30",
            spasms="-1",
            running_surface="grass",
            other_movement_minutes="2000",
            notes="keep every word",
            intakes=[{"medication": "", "relief": "4"}],
        ),
    )
    html = page.content.decode()
    assert page.status_code == 200 and not Entry.objects.exists()
    assert summary(html) == [
        "Spasm episodes: Ensure this value is greater than or equal to 0.",
        "Hours sitting at a screen: Ensure this value is less than or equal to 24.",
        "Minutes running: You described a run: how many minutes was it?",
        "Minutes of other movement: Ensure this value is less than or equal to 1440.",
        "Medication 1, which: Which medication did you take?",
    ]
    assert "Please correct 5 fields. Everything else you typed is kept." in html
    for field in ("spasms", "sitting_hours", "running_minutes", "other_movement_minutes"):
        assert re.search(
            rf'<input[^>]*name="{field}"[^>]*is-invalid|<input[^>]*is-invalid[^>]*name="{field}"', html
        )
    assert "keep every word" in html


def test_each_summary_line_links_to_its_field(person_client):
    html = person_client.post(URL, entry_post_data(lower_back="11", sitting_hours="25")).content.decode()
    assert '<a href="#id_lower_back_0" class="alert-link">Lower back</a>' in html
    assert 'id="id_lower_back_0"' in html
    assert '<a href="#id_sitting_hours" class="alert-link">Hours sitting at a screen</a>' in html


def test_number_inputs_carry_their_min_and_max(person_client):
    html = person_client.get(URL).content.decode()
    for name, low, high in [
        ("spasms", "0", "99"),
        ("sitting_hours", "0", "24"),
        ("running_minutes", "0", "1440"),
        ("other_movement_minutes", "0", "1440"),
    ]:
        tag = re.search(rf'<input type="number" name="{name}"[^>]*>', html).group(0)
        assert f'min="{low}"' in tag and f'max="{high}"' in tag, tag


def test_the_browser_leaves_the_checking_to_the_server(person_client):
    # Its own checks would stop at the first bad field; the server reports them all at once.
    assert re.search(
        r'<form method="post" class="entry-form" novalidate>', person_client.get(URL).content.decode()
    )
