"""Benchmarks of the journal's hot paths, printed as Markdown table rows.

Run with `make bench` (SQLite) or `DATABASE_URL=postgres://... make bench`. It builds a throwaway
test database, fills it, and times: saving an entry with its triage, the journal pages with 500
entries, `retriage` over many entries, `triage_eval` over many cases (with peak memory) and the
insights of a person with three years of daily entries.
Results are written down in docs/benchmarks.md; nothing here is a pass/fail test.
"""

import contextlib
import datetime
import io
import json
import logging
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()
logging.getLogger("axes").setLevel(logging.WARNING)

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)
from django.urls import reverse  # noqa: E402

TODAY = datetime.date(2026, 11, 23)
PEOPLE, DAYS = 10, 500


def entry_data(n, day):
    return {
        "date": day,
        "upper_back": n % 11,
        "lower_back": (n * 7) % 11,
        "spasms": 1 if n % 5 == 0 else 0,
        "symptoms": ["headache"] if n % 9 == 0 else [],
        "self_help": ["heat"] if n % 3 == 0 else [],
        "painkillers": n % 11 == 0,
    }


def habit_data(n):
    """The habits of a day, each recorded on most days, so every comparison has two sides."""
    ran = n % 3 == 0
    return {
        "sitting_hours": n % 10,
        "sitting_posture": ("hunched", "upright", "")[n % 3],
        "shoulder_load": n % 5 == 0,
        "shoulders_raised_cold": n % 7 == 0,
        "strength_training": n % 4 == 0,
        "running_minutes": 30 if ran else None,
        "running_surface": ("hard", "grass")[n % 2] if ran else "",
        "warmed_up": n % 2 == 0 if ran else None,
        "stretched_after": n % 5 != 0 if ran else None,
        "shoes_fit": n % 6 != 0 if ran else None,
    }


class QueryCounter(list):
    """A database execute wrapper that notes each statement a request runs."""

    def __call__(self, execute, sql, params, many, context):
        self.append(sql)
        return execute(sql, params, many, context)


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def cpu_timed(function, repeat):
    """The median processor time of this process (the app's Python, not the database server's):
    on a machine shared with other work, wall time also counts the waits for a processor."""
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def row(what, amount, median_ms, worst_ms=None, extra=""):
    worst = f"{worst_ms:.1f}" if worst_ms is not None else "–"
    print(f"| {connection.vendor} | {what} | {amount} | {median_ms:.2f} | {worst} | {extra} |")


def main():
    from accounts.services import consent_give
    from front.services import entry_create
    from journal.models import Entry
    from tests.factories import UserFactory

    people = [UserFactory(username=f"bench{n}") for n in range(PEOPLE)]
    for person in people:
        consent_give(user=person)

    # 1. Saving entries one by one through the service, as the web does (triage included).
    first = people[0]
    days = [TODAY - datetime.timedelta(days=DAYS - 1 - n) for n in range(DAYS)]
    samples = []
    for n, day in enumerate(days):
        start = time.perf_counter()
        entry_create(user=first, data=entry_data(n, day))
        samples.append((time.perf_counter() - start) * 1000)
    row(
        "save one entry with triage (person with up to 500 entries)",
        DAYS,
        statistics.median(samples),
        max(samples),
    )

    # The other people get their entries in bulk; retriage below gives them their flags.
    for person in people[1:]:
        Entry.objects.bulk_create(
            Entry(user=person, season="autumn", **entry_data(n, day)) for n, day in enumerate(days)
        )

    # 2. Pages for a person with 500 entries.
    client = Client()
    client.force_login(first)
    latest = Entry.objects.filter(user=first).first()
    for name, args in (
        ("journal:dashboard", []),
        ("journal:entry-list", []),
        ("journal:entry-detail", [latest.pk]),
        ("journal:entry-create", []),
    ):
        url = reverse(name, args=args)
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            status = client.get(url).status_code
        assert status == 200, f"{url} answered {status}"
        median_ms, worst_ms = timed(lambda url=url: client.get(url), 30)
        row(f"GET {name} with 500 entries", 30, median_ms, worst_ms, f"{len(queries)} queries")

    # 3. retriage over every stored entry.
    total = Entry.objects.count()
    start = time.perf_counter()
    call_command("retriage", stdout=io.StringIO(), stderr=io.StringIO())
    elapsed = time.perf_counter() - start
    row("retriage, whole database", total, elapsed * 1000 / total, None, f"{total / elapsed:.0f} entries/s")

    # 4. triage_eval over cases with two weeks of history each, with peak memory.
    cases = []
    for n in range(2000):
        day = TODAY - datetime.timedelta(days=n % 300)
        history = [
            {"date": (day - datetime.timedelta(days=k)).isoformat(), "regions": {"lower_back": (n + k) % 11},
             "spasms": (n + k) % 2, "self_help": ["heat"]}
            for k in range(1, 15)
        ]  # fmt: skip
        entry = {"date": day.isoformat(), "regions": {"upper_back": n % 11}, "spasms": n % 3,
                 "symptoms": ["headache"] if n % 4 == 0 else []}  # fmt: skip
        cases.append(json.dumps({"id": f"c{n}", "entry": entry, "history": history}))
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO("\n".join(cases).encode()))
    tracemalloc.start()
    start = time.perf_counter()
    with contextlib.suppress(SystemExit):  # it exits 1 only when a case line is bad
        call_command("triage_eval", "-", stdout=io.StringIO())
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    sys.stdin = stdin
    row(
        "triage_eval, cases with 14 days of history",
        len(cases),
        elapsed * 1000 / len(cases),
        None,
        f"{len(cases) / elapsed:.0f} cases/s, peak {peak / 2**20:.1f} MiB traced",
    )

    # 5. The insights of a person with three years of daily entries, habits included.
    from triage.engine import entries_retriage

    years = UserFactory(username="bench-years")
    consent_give(user=years)
    span = [TODAY - datetime.timedelta(days=n) for n in range(3 * 365)]
    Entry.objects.bulk_create(
        Entry(user=years, season="autumn", **entry_data(n, day), **habit_data(n))
        for n, day in enumerate(span)
    )
    entries_retriage(entry_ids=Entry.objects.filter(user=years).values_list("id", flat=True))
    client.force_login(years)
    for url in (
        "/journal/insights/?days=all",
        "/journal/insights/?days=365",
        "/journal/insights/data.json?days=all",
    ):
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            status = client.get(url).status_code
        assert status == 200, f"{url} answered {status}"
        median_ms, worst_ms = timed(lambda url=url: client.get(url), 30)
        cpu_ms = cpu_timed(lambda url=url: client.get(url), 30)
        row(
            f"GET {url}, three years of daily entries",
            30,
            median_ms,
            worst_ms,
            f"{len(queries)} queries; {cpu_ms:.0f} ms processor time of the app",
        )


if __name__ == "__main__":
    print("| database | what | count | median ms | worst ms | notes |")
    print("| --- | --- | --- | --- | --- | --- |")
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        main()
    finally:
        teardown_databases(old_config, verbosity=0)
