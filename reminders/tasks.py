"""The reminder round as a periodic task: celery beat sends it every REMINDER_INTERVAL_SECONDS."""

import logging

from celery import shared_task

from lib.tasks import BackgroundTask
from reminders.services import MailServerUnavailable, reminders_send_due

logger = logging.getLogger(__name__)


@shared_task(bind=True, base=BackgroundTask, name="reminders.send_due", max_retries=3)
def send_due(self) -> dict[str, int]:
    """Idempotent: each reminder is claimed in the database before it is sent. A mail server that
    cannot be reached ends the round with nothing claimed; the next round, minutes later, is its
    retry (retrying this one as well would only pile rounds up)."""
    try:
        outcome = reminders_send_due()
    except MailServerUnavailable as error:
        logger.warning("Reminder round: the mail server cannot be reached (%s); the next round tries.", error)
        return {"sent": 0, "failed": 0, "skipped": 0}
    return {"sent": outcome.sent, "failed": outcome.failed, "skipped": outcome.skipped}
