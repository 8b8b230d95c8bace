"""E-mail to the reviewers when an entry gets an urgent or emergency flag.

The mail says only that an entry needs review, how urgent, and where: never the rule, the message
or anything the person wrote, since mail leaves the server in clear text and lands in inboxes we do
not control. It is sent by a background task (review.tasks) once the transaction commits, so a
rolled-back entry sends nothing, and a failing mail server never undoes or delays the saved entry:
the mails it could not take are tried again later, and only those.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import timezone

from lib.tasks import enqueue
from review.models import REVIEWERS_GROUP
from review.selectors import overdue_cases, waiting_limits
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
    Starts the task that mails each reviewer once per such flag, once the transaction commits."""
    # Here rather than at the top: review.tasks imports this module for the sending.
    from review.tasks import reviewer_mail

    raised = [(entry_id, urgency) for entry_id, urgency in raised if urgency in NOTIFY_URGENCIES]
    if raised:
        enqueue(reviewer_mail, raised=[[entry_id, urgency] for entry_id, urgency in raised])


def _message(entry_id: int, urgency: str, address: str) -> EmailMessage:
    level = Urgency.label_of(urgency) or urgency
    return EmailMessage(
        subject=f"[Back pain journal] An entry needs review ({urgency})",
        body=(
            f'A journal entry was flagged with the urgency level "{urgency}" ({level}).\n\n'
            f"Please review it: {review_url(entry_id)}\n\n"
            f"{overdue_cases_text()}"
            "You receive this because you are in the Reviewers group.\n"
        ),
        to=[address],
    )


OVERDUE_NAMED = 10  # cases named in a mail; the queue holds the rest


def overdue_cases_text() -> str:
    """The cases that waited longer than their urgency allows, most pressing first, for the mail:
    each by its urgency, how many of its entries are overdue and the link to the case; like the
    rest of the mail, never a name, a rule or a date. Empty when none is overdue. Read when the
    message is built, so a mail sent later (from a queue) names the cases overdue then."""
    cases, total = overdue_cases(limits=waiting_limits(), now=timezone.now(), limit=OVERDUE_NAMED)
    if not cases:
        return ""
    site = settings.SITE_URL.rstrip("/")
    lines = [f"Waiting longer than their urgency allows ({total} case{'s' if total != 1 else ''}):"]
    lines += [
        f"- {case.urgency}, {case.overdue} of {case.entries} entr{'y' if case.entries == 1 else 'ies'} "
        f"overdue: {site}{reverse('review:case', args=[case.person_id])}"
        for case in cases
    ]
    if total > len(cases):
        lines.append(f"- and {total - len(cases)} more: {site}{reverse('review:queue')}")
    return "\n".join(lines) + "\n\n"


# (entry id, urgency, address): one mail, as the task carries it between tries.
Pending = tuple[int, str, str]


def pending_for(raised: list[tuple[int, str]]) -> list[Pending]:
    """One mail per flag and reviewer, the reviewers as they are when the task first runs."""
    addresses = reviewer_addresses()
    return [(entry_id, urgency, address) for entry_id, urgency in raised for address in addresses]


def permanent(error: BaseException) -> bool:
    """A refusal that trying again would not change: the address or the message is refused (a 5xx
    reply). Anything else (no connection, a timeout, a 4xx "try later") passes."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPResponseException) and 500 <= error.smtp_code < 600


def reviewer_mail_send(pending: list[Pending]) -> list[Pending]:
    """Send these mails one at a time over one connection, so a refused address does not keep
    the mail from the reviewers after it. Returns the mails to try again later: those that failed
    for a passing reason. Failures are logged by class name only: an SMTP error may echo parts
    of the message back."""
    retry: list[Pending] = []
    untried = list(pending)
    refused, errors = 0, set()
    try:
        with get_connection(fail_silently=False) as connection:
            while untried:
                item = untried.pop(0)
                try:
                    connection.send_messages([_message(*item)])
                except Exception as error:  # noqa: BLE001 - one refused address is only logged
                    errors.add(type(error).__name__)
                    if permanent(error):
                        refused += 1
                        continue
                    retry.append(item)
                    if isinstance(error, smtplib.SMTPServerDisconnected):
                        break
    except Exception as error:  # noqa: BLE001 - no connection, or it broke: the untried mails wait
        errors.add(type(error).__name__)
    retry.extend(untried)
    if refused or retry:
        logger.error(
            "Could not send %d of %d review notification(s): %s%s",
            refused + len(retry),
            len(pending),
            ", ".join(sorted(errors)),
            f"; {len(retry)} will be tried again later" if retry else "",
        )
    return retry
