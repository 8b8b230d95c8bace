"""/journal/insights/data.json: the figures behind every chart and table with the documented names
and rounding; days=N is the N days ending today where the person lives; bad values are a 400."""

import datetime

import pytest
from django.urls import reverse

URL = reverse("journal:insights-data")
NOW = datetime.datetime(2026, 11, 23, 23, 30, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def data(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture
def journal(person, entry_of):
    """Six days in November: three hunched (one of them with two entries and a spasm), three
    upright; a day in July outside any short period."""
    day = datetime.date(2026, 11, 23)
    for n, pain in enumerate((6, 5, 4)):
        entry_of(person, date=day - datetime.timedelta(days=n), upper_back=pain, sitting_posture="hunched")
    entry_of(person, date=day, upper_back=2, lower_back=3, spasms=1, sitting_posture="hunched")
    for n, pain in enumerate((2, 1, 1), start=3):
        entry_of(person, date=day - datetime.timedelta(days=n), upper_back=pain, sitting_posture="upright")
    entry_of(person, date=datetime.date(2026, 7, 1), upper_back=9)
    return person


def test_the_figures_carry_the_documented_names_and_values(person_client, journal):
    figures = data(person_client, days="7")
    assert (figures["from"], figures["to"], figures["days_logged"]) == ("2026-11-17", "2026-11-23", 6)
    assert figures["seasons"] == [{"season": "autumn", "days": 6, "average_pain": 3.2}]
    hunched = next(h for h in figures["habits"] if h["habit"] == "hunched" and h["region"] == "back")
    assert hunched["with"] == {"days": 3, "average_pain": 5.0, "spasm_share": 0.33}
    assert hunched["without"] == {"days": 3, "average_pain": 1.3, "spasm_share": 0.0}
    assert hunched["enough_data"] is True
    upper = next(h for h in figures["habits"] if h["habit"] == "hunched" and h["region"] == "upper_back")
    assert upper["with"]["average_pain"] == 5.0
    assert [h["habit"] for h in figures["habits"][::2]] == [
        "sitting_6h_plus", "hunched", "shoulder_load", "shoulders_raised_cold", "ran_on_hard_surface",
        "ran_without_warm_up", "no_stretch_after_run", "shoes_did_not_fit", "strength_training",
    ]  # fmt: skip
    sitting = figures["habits"][0]
    assert sitting["enough_data"] is False and sitting["with"]["average_pain"] is None
    assert figures["pain_over_time"][-1] == {
        "date": "2026-11-23",
        "pain": 6,
        "average_7_days": 3.2,
        "flagged": False,
        "regions": {"neck": 0, "shoulders": 0, "upper_back": 6, "middle_back": 0, "lower_back": 3},
    }
    assert {"region": "lower_back", "average_pain": 0.5, "days_hurt": 1} in figures["regions"]


def test_days_are_counted_in_the_persons_time_zone(person_client, journal):
    journal.time_zone = "Europe/Berlin"  # already 24 November there
    journal.save()
    figures = data(person_client, days="1")
    assert (figures["from"], figures["to"], figures["days_logged"]) == ("2026-11-24", "2026-11-24", 0)


def test_all_starts_at_the_first_entry_and_30_days_is_the_default(person_client, journal):
    assert data(person_client, days="all")["from"] == "2026-07-01"
    assert data(person_client)["from"] == "2026-10-25"


def test_a_period_without_entries_gives_empty_figures(person_client, person):
    figures = data(person_client, days="all")
    assert (figures["from"], figures["to"], figures["days_logged"]) == ("2026-11-23", "2026-11-23", 0)
    assert figures["seasons"] == [] and figures["medications"] == []
    assert all(region["average_pain"] is None for region in figures["regions"])


def test_only_the_persons_own_entries_count(person_client, journal, other_person, entry_of):
    entry_of(other_person, date=datetime.date(2026, 11, 23), upper_back=10)
    assert data(person_client, days="1")["pain_over_time"][0]["pain"] == 6


@pytest.mark.parametrize(
    "value", ["0", "-1", "3661", "99999999999999999999", "1e3", "30.0", " 30", "30 ", "٣٠", "ALL", "x"]
)
def test_a_bad_days_value_is_a_clear_400(person_client, value):
    response = person_client.get(URL, {"days": value})
    assert response.status_code == 400
    assert response.json() == {"error": "days must be a whole number from 1 to 3660, or all."}


def test_it_needs_a_login_and_is_never_cached(client, person_client):
    assert "no-store" in person_client.get(URL)["Cache-Control"]
    client.logout()
    assert client.get(URL).status_code == 302


def test_each_medication_gives_its_days_and_median_relief(person_client, person, other_person, entry_of):
    def took(user, day, name, relief):
        medicine = {"name": name, "dose": "400 mg", "time": None, "relief": relief}
        entry_of(user, date=datetime.date(2026, 11, day), upper_back=4, medications=[medicine])

    took(person, 20, "Ibuprofen", 6)
    took(person, 21, "Ibuprofen", 8)
    took(person, 22, "ibuprofen ", 9)  # the same medicine, written differently
    took(person, 22, "Paracetamol", None)
    took(other_person, 22, "Ibuprofen", 0)
    figures = data(person_client, days="30")["medications"]
    assert sorted(figures, key=lambda figure: figure["medication"].lower()) == [
        {"medication": "Ibuprofen", "days_taken": 3, "median_relief": 8.0, "relief_days": 3},
        {"medication": "Paracetamol", "days_taken": 1, "median_relief": None, "relief_days": 0},
    ]
