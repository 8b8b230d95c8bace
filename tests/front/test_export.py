import csv
import datetime
import io

from django.urls import reverse

URL = reverse("journal:entry-export")


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_whole_journal_downloads_as_csv_oldest_first(person_client, person, other_person, entry_of):
    entry_of(person, date=datetime.date(2026, 3, 2), lower_back=6, symptoms=["headache"], notes="stiff")
    entry_of(
        person,
        date=datetime.date(2026, 3, 1),
        neck=2,
        medications=[
            {"name": "Ibuprofen", "dose": "400 mg", "time": datetime.time(9, 0), "relief": 6},
            {"name": "Paracetamol"},
        ],
    )
    entry_of(other_person, notes="not mine")
    response = person_client.get(URL)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    first, second = rows(response)
    assert (first["date"], first["neck"], first["painkillers"], first["medications"]) == (
        "2026-03-01",
        "2",
        "yes",
        "Ibuprofen, 400 mg, 09:00, relief 6/10; Paracetamol",
    )
    assert second["medications"] == ""
    assert (second["lower_back"], second["pain"], second["symptoms"], second["notes"]) == (
        "6",
        "6",
        "headache",
        "stiff",
    )
    assert "head_symptoms" in second["open_advice"]
    assert "not mine" not in response.content.decode()


def test_a_logged_out_visitor_cannot_download(client, db):
    assert client.get(URL)["Location"].startswith(reverse("account_login"))


def test_text_that_a_spreadsheet_would_run_as_a_formula_stays_text(person_client, person, entry_of):
    entry_of(person, notes='=HYPERLINK("http://evil.example")', medications=[{"name": "+1 tablet"}])
    (row,) = rows(person_client.get(URL))
    assert row["notes"] == '\'=HYPERLINK("http://evil.example")'
    assert row["medications"] == "'+1 tablet"
