"""triage_eval reads JSON Lines cases, runs the rules as configured in the database, and writes
one JSON line per case in input order; a bad line is reported and the run goes on."""

import datetime
import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from front.services import entry_create
from journal.models import Entry
from tests.factories import entry_post_data
from triage.models import Flag

CASE = {
    "id": "c1",
    "entry": {
        "date": "2026-01-15",
        "regions": {"upper_back": 6},
        "radiates_to": ["arms"],
        "spasms": 0,
        "symptoms": ["headache"],
        "painkillers": False,
        "self_help": [],
    },
    "history": [],
}


def run(tmp_path, *lines):
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    out = io.StringIO()
    try:
        call_command("triage_eval", str(path), stdout=out, stderr=io.StringIO())
        status = 0
    except CommandError as error:
        status = error.returncode
    return status, [json.loads(line) for line in out.getvalue().splitlines()]


def brief(result):
    return {
        "id": result["id"],
        "urgency": result["urgency"],
        "flags": [{"rule": f["rule"], "urgency": f["urgency"]} for f in result["flags"]],
    }


def test_it_gives_the_spec_example_its_flags_sorted_by_rule(tmp_path, db):
    status, results = run(tmp_path, CASE)
    assert status == 0
    assert brief(results[0]) == {
        "id": "c1",
        "urgency": "soon",
        "flags": [
            {"rule": "head_symptoms", "urgency": "soon"},
            {"rule": "radiating_pain", "urgency": "soon"},
        ],
    }
    assert set(results[0]["flags"][0]) >= {"rule", "urgency", "message", "reason", "source"}


def test_a_case_without_flags_has_urgency_none(tmp_path, db):
    status, results = run(tmp_path, {"id": 7, "entry": {"date": "2026-01-15"}})
    assert (status, results) == (0, [{"id": 7, "urgency": "none", "flags": []}])


def test_bad_lines_are_reported_one_by_one_and_the_run_goes_on(tmp_path, db):
    status, results = run(
        tmp_path,
        CASE,
        "{not json",
        {"id": "bad-region", "entry": {"date": "2026-01-15", "regions": {"knee": 3}}},
        {"id": "too-high", "entry": {"date": "2026-01-15", "regions": {"neck": 11}}},
        {"id": "bad-date", "entry": {"date": "2026-02-30"}},
        {"id": "bad-history", "entry": {"date": "2026-01-15"}, "history": [{"date": "yesterday"}]},
        dict(CASE, id="c2"),
    )
    assert status == 1
    assert [r["id"] for r in results] == [
        "c1", None, "bad-region", "too-high", "bad-date", "bad-history", "c2"
    ]  # fmt: skip
    errors = results[1:6]
    assert [r["line"] for r in errors] == [2, 3, 4, 5, 6]
    assert all(set(r) == {"id", "line", "error"} for r in errors)
    assert "knee" in errors[1]["error"]
    assert "neck" in errors[2]["error"]
    assert "date" in errors[3]["error"]
    assert errors[4]["error"].startswith("history[0].date")
    assert brief(results[6])["urgency"] == "soon"


def test_it_reads_standard_input_with_a_dash(db, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO((json.dumps(CASE) + "\n").encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    out = io.StringIO()
    call_command("triage_eval", "-", stdout=out)
    assert json.loads(out.getvalue())["id"] == "c1"


def test_a_rule_an_admin_disabled_does_not_fire_here_either(tmp_path, set_rule):
    set_rule("head_symptoms", enabled=False)
    _, results = run(tmp_path, CASE)
    assert [f["rule"] for f in results[0]["flags"]] == ["radiating_pain"]


def test_it_uses_the_thresholds_and_urgencies_set_in_the_admin(tmp_path, set_rule):
    set_rule("radiating_pain", urgency="urgent", min_pain=7)
    _, results = run(tmp_path, CASE)
    assert [f["rule"] for f in results[0]["flags"]] == ["head_symptoms"]
    set_rule("radiating_pain", min_pain=6)
    _, results = run(tmp_path, CASE)
    assert brief(results[0])["flags"][1] == {"rule": "radiating_pain", "urgency": "urgent"}


# The same cases through the web form and through triage_eval must give the same flags. Cases 2
# and 4 sit just below a history threshold and fire nothing.
HISTORY_SPASMS = [{"date": f"2026-01-{day:02d}", "regions": {"lower_back": 3}, "spasms": 1} for day in (2, 9)]
HISTORY_PAIN = [
    {"date": f"2026-01-{day:02d}", "regions": {"upper_back": 5}, "self_help": ["heat"]}
    for day in range(3, 15)
]
PARITY_CASES = [
    {"entry": CASE["entry"], "history": []},
    {"entry": {"date": "2026-01-15", "regions": {"lower_back": 4}, "spasms": 2}, "history": HISTORY_SPASMS},
    {"entry": {"date": "2026-01-16", "regions": {"lower_back": 4}, "spasms": 2}, "history": HISTORY_SPASMS},
    {"entry": {"date": "2026-01-15", "regions": {"upper_back": 6}}, "history": HISTORY_PAIN},
    {"entry": {"date": "2026-01-15", "regions": {"upper_back": 3}}, "history": HISTORY_PAIN},
    {"entry": {"date": "2026-01-15", "symptoms": ["saddle_numbness", "chest_pain"]}, "history": []},
    {
        "entry": {"date": "2026-01-15", "symptoms": ["numbness", "dizziness"], "regions": {"neck": 2}},
        "history": [],
    },
    {
        "entry": {
            "date": "2026-01-15",
            "regions": {"neck": 1},
            "symptoms": ["fever", "sleep_disturbed", "slanted_posture", "restricted_movement", "nausea"],
            "painkillers": True,
            "radiates_to": ["lower_back", "legs"],
        },
        "history": [],
    },
]

SYMPTOM_GROUPS = {
    "red_flag_symptoms": {"saddle_numbness", "bladder_bowel_change", "leg_weakness"},
    "other_red_flag_symptoms": {"chest_pain", "fever", "weight_loss", "recent_trauma"},
}


def as_form(entry):
    """The case's entry as the entry form posts it."""
    data = entry_post_data(date=entry["date"], spasms=str(entry.get("spasms", 0)))
    data.update({region: str(value) for region, value in entry.get("regions", {}).items()})
    symptoms = set(entry.get("symptoms", []))
    for field, codes in SYMPTOM_GROUPS.items():
        data[field] = sorted(symptoms & codes)
    data["common_symptoms"] = sorted(symptoms - set().union(*SYMPTOM_GROUPS.values()))
    data["radiates_to"] = entry.get("radiates_to", [])
    data["self_help"] = entry.get("self_help", [])
    if entry.get("painkillers"):
        data["painkillers"] = "on"
    return data


def as_service_data(entry):
    data = {"date": entry["date"], **entry.get("regions", {})}
    data.update(
        (key, entry[key])
        for key in ("radiates_to", "spasms", "symptoms", "painkillers", "self_help")
        if key in entry
    )
    return data


@pytest.mark.parametrize("number", range(len(PARITY_CASES)))
def test_the_web_save_path_and_triage_eval_give_the_same_flags(number, tmp_path, person_client, person):
    case = PARITY_CASES[number]
    for other in case["history"]:
        other = dict(other, date=datetime.date.fromisoformat(other["date"]))
        entry_create(user=person, data=as_service_data(other))
    response = person_client.post(reverse("journal:entry-create"), as_form(case["entry"]))
    assert response.status_code == 302
    saved = Entry.objects.filter(user=person).latest("id")
    web = sorted(Flag.objects.filter(entry=saved, status="open").values_list("rule_id", "urgency"))

    _, results = run(tmp_path, dict(case, id=number))
    assert web == [(f["rule"], f["urgency"]) for f in results[0]["flags"]]


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path, db):
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(CASE).encode() + b"\n")
    out = io.StringIO()
    call_command("triage_eval", str(path), stdout=out)
    assert json.loads(out.getvalue())["urgency"] == "soon"


def test_a_case_on_the_first_day_of_the_calendar_is_judged(tmp_path, db):
    first_day = {**CASE, "entry": {**CASE["entry"], "date": "0001-01-01", "spasms": 2}}
    status, results = run(tmp_path, first_day, CASE)
    assert status == 0
    assert [result["id"] for result in results] == ["c1", "c1"]
    assert results[0]["urgency"] == "soon"


def test_json_nested_too_deeply_is_one_error_line_and_the_run_goes_on(tmp_path, db):
    deep = "[" * 100_000 + "]" * 100_000
    status, results = run(tmp_path, deep, CASE)
    assert status == 1
    assert results[0] == {"id": None, "line": 1, "error": "not readable: nested too deeply"}
    assert results[1]["id"] == "c1" and results[1]["urgency"] == "soon"


def test_an_id_that_cannot_be_written_back_as_json_becomes_null(tmp_path, db):
    status, results = run(tmp_path, '{"id": NaN, "entry": {"date": "2026-01-15"}}')
    assert status == 0
    assert results[0]["id"] is None and results[0]["urgency"] == "none"
