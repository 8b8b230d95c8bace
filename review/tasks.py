"""The reviewer mail as a background task: sent after the entry's transaction commits, and what the
mail server could not take is tried again with a growing delay, never the mails already sent."""

from celery import shared_task

from lib.tasks import BackgroundTask
from review.notifications import pending_for, reviewer_mail_send


class MailNotAllSent(Exception):
    """Some review notifications wait for the mail server; their task runs again later."""


@shared_task(bind=True, base=BackgroundTask, name="review.reviewer_mail", max_retries=10)
def reviewer_mail(self, raised=None, pending=None) -> int:
    """``raised``: [entry id, urgency] pairs, on the first run. ``pending``: the mails still to send,
    [entry id, urgency, address], on every try after it. Returns how many mails are left."""
    if pending is not None:
        todo = [(entry_id, urgency, address) for entry_id, urgency, address in pending]
    else:
        todo = pending_for([(entry_id, urgency) for entry_id, urgency in raised or []])
    left = reviewer_mail_send(todo)
    if left:
        raise self.retry(
            kwargs={"pending": [list(item) for item in left]},
            exc=MailNotAllSent(f"{len(left)} review notification(s) wait for the mail server"),
        )
    return 0
