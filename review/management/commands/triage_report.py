"""Prints how precise each triage rule turned out in review, the table admins see in the admin.

Text by default, one row per rule; ``--json`` prints one JSON document instead. The figures and
what each means are in review.precision.
"""

import argparse
import datetime
import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from review import selectors
from review.precision import INTERVAL_NAME, rule_precision

COLUMNS = (
    # heading, value, right-aligned
    ("rule", lambda row: row.code, False),
    ("urgency", lambda row: row.urgency, False),
    ("raised", lambda row: str(row.raised), True),
    ("reviewed", lambda row: str(row.reviewed), True),
    ("warranted", lambda row: f"{row.warranted}/{row.decided}", True),
    ("share", lambda row: row.share_text, True),
    ("95 % CI", lambda row: row.interval_text, True),
    ("median to review", lambda row: row.median_text, True),
    ("overdue", lambda row: str(row.overdue), True),
)


def day(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day (expected YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "Print per triage rule: flags raised, reviewed, the share warranted, time to review, overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--since",
            type=day,
            metavar="YYYY-MM-DD",
            help="only flags raised on or after this day (YYYY-MM-DD)",
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print JSON instead of a table"
        )

    def handle(self, *args, since=None, as_json=False, **options):
        now = timezone.now()
        figures = rule_precision(since=since, now=now, limits=selectors.waiting_limits())
        if as_json:
            self._json(figures, since, now)
        else:
            self._table(figures, since)

    def _json(self, figures, since, now):
        document = {
            "since": since.isoformat() if since else None,
            "generated_at": now.isoformat(),
            "interval": INTERVAL_NAME,
            "rules": [row.as_json() for row in figures],
        }
        self.stdout.write(json.dumps(document, indent=2))

    def _table(self, figures, since):
        period = f"flags raised since {since.isoformat()}" if since else "every flag raised"
        self.stdout.write(f"How precise each triage rule is: {period}.")
        cells = [[value(row) for _, value, _ in COLUMNS] for row in figures]
        widths = [
            max([len(heading), *(len(line[n]) for line in cells)])
            for n, (heading, _, _) in enumerate(COLUMNS)
        ]

        def line(values):
            return "  ".join(
                text.rjust(width) if right else text.ljust(width)
                for text, width, (_, _, right) in zip(values, widths, COLUMNS, strict=True)
            ).rstrip()

        self.stdout.write(line([heading for heading, _, _ in COLUMNS]))
        for values in cells:
            self.stdout.write(line(values))
        self.stdout.write(
            "warranted: reviewed flags found warranted (needed care, already under care) out of those "
            f"whose outcome tells (those and care not needed); share: of those, with its {INTERVAL_NAME}."
        )
