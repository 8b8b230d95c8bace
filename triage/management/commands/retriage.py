"""Re-evaluates stored entries against the rules as configured now, after an admin changed them.

Batch by batch, each in its own transaction: stopped halfway, every entry is either fully
re-evaluated or untouched, and running it again finishes the job. A second run changes nothing.
The admin's "Apply the rules to past entries" does the same as a background task (triage.tasks).
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from journal.models import Entry
from triage import engine


def day(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--since: {text!r} is not a day (expected YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "Re-evaluate stored journal entries with the triage rules as configured now."

    def add_arguments(self, parser):
        parser.add_argument("--since", type=day, help="only entries dated on or after this day (YYYY-MM-DD)")
        parser.add_argument("--user", help="only the entries of this username")
        parser.add_argument("--batch-size", type=int, default=500, help="entries per transaction (500)")

    def handle(self, *args, since=None, user=None, batch_size=500, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        entries = Entry.objects.all()
        if user is not None:
            User = get_user_model()
            try:
                entries = entries.filter(user=User.objects.get(**{User.USERNAME_FIELD: user}))
            except User.DoesNotExist:
                raise CommandError(f"No user named {user!r}.") from None
        if since is not None:
            entries = entries.filter(date__gte=since)
        count, done = entries.count(), 0

        def progress(last, size, outcome):
            nonlocal done
            done += size
            self._progress(min(done, count), count)

        total = engine.entries_retriage_in_batches(
            entries=entries, batch_size=batch_size, after_batch=progress
        )
        self.stdout.write(
            f"Re-evaluated {total.entries} entries: {total.added} flags added, {total.updated} updated, "
            f"{total.withdrawn} withdrawn, {total.unchanged} unchanged."
        )

    def _progress(self, done, total, width=30):
        filled = width * done // total
        line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} entries"
        # On a terminal the bar redraws in place; in a log each batch gets a line of its own.
        if self.stderr.isatty():
            self.stderr.write(f"\r{line}", ending="\n" if done == total else "")
            self.stderr.flush()
        else:
            self.stderr.write(line)
