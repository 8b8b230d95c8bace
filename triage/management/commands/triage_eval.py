"""Runs the triage rules, as configured in the database, on the cases of a JSON Lines file.

The case-file format is that of triage-spec.md: one case a line in, one result a line out, in
input order. A line that cannot be read gives an error line and the run goes on.
"""

import codecs
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from triage import engine, rules


def read_case(raw):
    """The case's entry facts and history facts; raises ValueError naming what is wrong."""
    try:
        case = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not valid UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error.msg} at column {error.colno}") from None
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
    """The id of a line, when the line is a JSON object at all; null otherwise."""
    try:
        case = json.loads(raw.decode("utf-8"))
    except ValueError:  # JSONDecodeError and UnicodeDecodeError both are
        return None
    return case.get("id") if isinstance(case, dict) else None


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
                try:
                    entry, history = read_case(line)
                except ValueError as error:
                    bad += 1
                    output = {"id": case_id(line), "line": number, "error": str(error)}
                else:
                    output = result(case_id(line), engine.evaluate(entry, history, configs))
                self.stdout.write(json.dumps(output))
        finally:
            if lines is not sys.stdin.buffer:
                lines.close()
        if bad:
            raise CommandError(f"{bad} of {total} cases could not be read.", returncode=1)
