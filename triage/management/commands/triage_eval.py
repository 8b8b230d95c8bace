"""Runs the triage rules, as configured in the database, on the cases of a JSON Lines file.

The case-file format is that of triage-spec.md: one case a line in, one result a line out, in
input order. Any line that is not blank gives exactly one output line: its result, or an error line
saying what is wrong with it; the run always goes on to the next line.
"""

import codecs
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from triage import engine, rules


def load(raw):
    """The line's JSON value; raises ValueError saying why it cannot be read."""
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not valid UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error.msg} at column {error.colno}") from None
    except RecursionError:
        raise ValueError("not readable: nested too deeply") from None
    except ValueError as error:  # a number too long to convert, for one
        raise ValueError(f"not readable: {error}") from None


def read_case(raw):
    """The case's entry facts and history facts; raises ValueError naming what is wrong."""
    case = load(raw)
    if not isinstance(case, dict):
        raise ValueError("expected a JSON object with id, entry and history")
    if "entry" not in case:
        raise ValueError("entry: missing")
    entry = rules.parse_entry(case["entry"])
    history = case.get("history")
    if history is None:
        history = []
    if not isinstance(history, list):
        raise ValueError("history: expected a list of entries")
    facts = []
    for number, other in enumerate(history):
        try:
            facts.append(rules.parse_entry(other))
        except ValueError as error:
            raise ValueError(f"history[{number}].{error}") from None
    return entry, facts


def case_id(raw):
    """The id of a line when the line is a JSON object with an id that can be written back as
    JSON; null otherwise."""
    try:
        case = load(raw)
    except ValueError:
        return None
    identifier = case.get("id") if isinstance(case, dict) else None
    try:
        json.dumps(identifier, allow_nan=False)
    except (ValueError, RecursionError):
        return None
    return identifier


def answer(number, raw, configs):
    """The output line for one input line: never raises, so one line cannot stop the run."""
    identifier = case_id(raw)
    try:
        entry, history = read_case(raw)
        return result(identifier, engine.evaluate(entry, history, configs)), False
    except ValueError as error:
        return {"id": identifier, "line": number, "error": str(error)}, True
    except Exception as error:  # noqa: BLE001 - reported as the line's error; the run goes on
        return {
            "id": identifier,
            "line": number,
            "error": f"could not be evaluated ({type(error).__name__})",
        }, True


def result(case, flags):
    return {
        "id": case,
        "urgency": rules.overall_urgency(flags),
        "flags": [
            {
                "rule": flag.rule,
                "urgency": flag.urgency,
                "reason": flag.reason,
                "message": flag.message,
                "source": flag.source,
            }
            for flag in flags
        ],
    }


class Command(BaseCommand):
    help = "Evaluate triage cases (JSON Lines, see docs/triage.md) with the rules as configured."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a JSON Lines case file, or - for standard input")

    def handle(self, *args, file, **options):
        configs = engine.rule_configs()
        # Bytes, decoded line by line, so one badly encoded line is reported like any other.
        if file == "-":
            lines = sys.stdin.buffer
        else:
            try:
                lines = open(file, "rb")  # noqa: SIM115 (closed below)
            except OSError as error:
                raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        bad = total = 0
        try:
            for number, line in enumerate(lines, start=1):
                if number == 1:
                    line = line.removeprefix(codecs.BOM_UTF8)  # as some editors save UTF-8
                if not line.strip():
                    continue  # blank lines, such as a trailing one, are not cases
                total += 1
                output, failed = answer(number, line, configs)
                bad += failed
                self.stdout.write(json.dumps(output))
        finally:
            if lines is not sys.stdin.buffer:
                lines.close()
        if bad:
            raise CommandError(f"{bad} of {total} cases could not be read.", returncode=1)
