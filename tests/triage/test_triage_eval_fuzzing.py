"""triage_eval fuzzed: whatever a line holds, it gets exactly one output line (a result or an error
naming the line), the run never stops with a traceback, and the exit status says whether any line
was refused."""

import io
import json
import string

from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.vocabulary import RadiatesTo, Region, SelfHelp, Symptom

CODES = st.sampled_from([*RadiatesTo.values, *Symptom.values, *SelfHelp.values, "lumbago", "", 7, None])
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
DATES = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-1-5", "", "today"]),
    ANY_JSON,
)
ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "date": DATES,
        "regions": st.dictionaries(
            st.sampled_from([*Region.values, "knee"]), st.integers(-3, 14) | ANY_JSON, max_size=5
        )
        | ANY_JSON,
        "radiates_to": st.lists(CODES, max_size=3) | ANY_JSON,
        "spasms": st.integers(-2, 10**6) | ANY_JSON,
        "symptoms": st.lists(CODES, max_size=4) | ANY_JSON,
        "painkillers": st.booleans() | ANY_JSON,
        "self_help": st.lists(CODES, max_size=3) | ANY_JSON,
    },
)
CASE = st.fixed_dictionaries(
    {"entry": ENTRY | ANY_JSON},
    optional={"id": st.text(max_size=6) | ANY_JSON, "history": st.lists(ENTRY, max_size=4) | ANY_JSON},
).map(json.dumps)
NOT_JSON = st.text(alphabet=string.printable + "äé€\u2028", min_size=1, max_size=40)
DEEP = st.integers(500, 5000).map(lambda depth: "[" * depth + "]" * depth)
LINE = st.one_of(CASE, CASE, ANY_JSON.map(json.dumps), NOT_JSON, DEEP, st.binary(min_size=1, max_size=30))


def as_bytes(line):
    data = line if isinstance(line, bytes) else line.encode("utf-8")
    return data.replace(b"\n", b" ").replace(b"\r", b" ")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, min_size=1, max_size=6))
def test_every_line_gets_one_answer_and_the_run_goes_on(lines, db, tmp_path):
    data = [as_bytes(line) for line in lines]
    cases = [(number, line) for number, line in enumerate(data, start=1) if line.strip()]
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join(data) + b"\n")
    out = io.StringIO()
    try:
        call_command("triage_eval", str(path), stdout=out, stderr=io.StringIO())
        status = 0
    except CommandError as error:
        status = error.returncode
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(answers) == len(cases)
    errors = [answer for answer in answers if "error" in answer]
    for answer, (number, _) in zip(answers, cases, strict=True):
        if "error" in answer:
            assert answer["line"] == number and answer["error"]
        else:
            assert answer["urgency"] in ("none", "routine", "soon", "urgent", "emergency")
    assert status == (1 if errors else 0)
