"""Sends the reminders due now: one round by hand or from cron, or a round every few minutes with
--every (what `make run` starts beside the development server when there is no broker)."""

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from reminders.services import MailServerUnavailable, reminders_send_due


class Command(BaseCommand):
    help = "Send the daily reminders that are due now (safe to run often, or twice at once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            nargs="?",
            const=settings.REMINDER_INTERVAL_SECONDS,
            help="keep going, one round every SECONDS (REMINDER_INTERVAL_SECONDS when left out)",
        )

    def handle(self, *args, every=None, verbosity=1, **options):
        self.verbosity = verbosity
        if every is None:
            if not self._round():
                raise CommandError("The mail server cannot be reached: nothing was sent.")
            return
        if every < 1:
            raise CommandError("--every must be at least 1 second.")
        stop = threading.Event()
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda *_: stop.set())
        self.stdout.write(f"Sending due reminders every {every} s; Ctrl-C stops.")
        while not stop.is_set():
            self._round()
            close_old_connections()
            stop.wait(every)

    def _round(self):
        try:
            outcome = reminders_send_due()
        except MailServerUnavailable as error:
            self.stderr.write(f"The mail server cannot be reached ({error}); nothing was sent.")
            return False
        if outcome.sent or outcome.failed or outcome.skipped or self.verbosity > 1:
            self.stdout.write(
                f"Reminders: {outcome.sent} sent, {outcome.failed} refused by the mail server "
                f"(tried again later), {outcome.skipped} left to another round."
            )
        return True
