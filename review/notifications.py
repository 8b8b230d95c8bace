"""E-mail to the reviewers when an entry gets an urgent or emergency flag.

The mail says only that an entry needs review, how urgent, and where: never the rule, the message
or anything the person wrote, since mail leaves the server in clear text and lands in inboxes we do
not control. It is sent after the transaction commits, so a rolled-back entry sends nothing, and a
failing mail server is logged and never undoes or delays the saved entry.
"""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse

from review.models import REVIEWERS_GROUP
from triage.rules import Urgency

logger = logging.getLogger(__name__)

NOTIFY_URGENCIES = frozenset({Urgency.EMERGENCY, Urgency.URGENT})


def reviewer_addresses() -> list[str]:
    """The active members of the Reviewers group with an address. Superusers are not added on top:
    whoever wants these mails joins the group, so the list of recipients is one list an admin sees."""
    users = get_user_model().objects.filter(groups__name=REVIEWERS_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def review_url(entry_id: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("review:detail", args=[entry_id])


def flags_raised_notify(*, raised: list[tuple[int, str]]) -> None:
    """``raised``: (entry id, urgency) of every flag that just became urgent or emergency.
    Schedules one mail per such flag to each reviewer, once the transaction commits."""
    raised = [(entry_id, urgency) for entry_id, urgency in raised if urgency in NOTIFY_URGENCIES]
    if raised:
        transaction.on_commit(partial(_send, raised))


def _message(entry_id: int, urgency: str, address: str) -> EmailMessage:
    level = Urgency.label_of(urgency) or urgency
    return EmailMessage(
        subject=f"[Back pain journal] An entry needs review ({urgency})",
        body=(
            f'A journal entry was flagged with the urgency level "{urgency}" ({level}).\n\n'
            f"Please review it: {review_url(entry_id)}\n\n"
            "You receive this because you are in the Reviewers group.\n"
        ),
        to=[address],
    )


def _send(raised: list[tuple[int, str]]) -> None:
    """One message at a time over one connection: a refused address must not keep the mail from
    the reviewers after it. Failures are logged by class name only: an SMTP error may echo parts
    of the message back."""
    try:
        addresses = reviewer_addresses()
        messages = [
            _message(entry_id, urgency, address) for entry_id, urgency in raised for address in addresses
        ]
        if not messages:
            return
        failed, errors = 0, set()
        with get_connection(fail_silently=False) as connection:
            for message in messages:
                try:
                    connection.send_messages([message])
                except Exception as error:  # noqa: BLE001 - one refused address is only logged
                    failed += 1
                    errors.add(type(error).__name__)
        if failed:
            logger.error(
                "Could not send %d of %d review notification(s): %s",
                failed,
                len(messages),
                ", ".join(sorted(errors)),
            )
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is only logged
        logger.error("Could not send %d review notification(s): %s", len(raised), type(error).__name__)
