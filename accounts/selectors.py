"""Reads for accounts: consent, second factors, the person's today, and what the person sees of
staff access."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.access import ACCESS_PAGES
from accounts.consent import CONSENT_VERSION
from accounts.models import HealthDataConsent, User
from journal.models import Entry


def user_has_consented(*, user: User, version: str = CONSENT_VERSION) -> bool:
    return HealthDataConsent.objects.filter(user=user, version=version).exists()


def user_has_second_factor(*, user: User) -> bool:
    """A passkey or an authenticator app (recovery codes only back those up)."""
    kinds = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    return bool(Authenticator.objects.filter(user=user, type__in=kinds).exists())


def user_today(*, user: User, now: datetime.datetime | None = None) -> datetime.date:
    """Today's date where the person is."""
    return (now or timezone.now()).astimezone(user.zone).date()


def entry_count(*, user: User) -> int:
    return Entry.objects.of(user).count()


@dataclass(frozen=True)
class StaffAccess:
    staff: str
    at: datetime.datetime
    page: str
    entry_id: int
    entry_date: datetime.date | None  # None once the person deleted the entry


def staff_accesses(*, user: User, limit: int = 20) -> tuple[list[StaffAccess], int]:
    """The latest ``limit`` times a staff member opened one of the person's entries, and how many
    there were in all: three queries. The records name the person, so an entry since deleted still
    shows that it was opened."""
    records = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Entry),
        action=LogEntry.Action.ACCESS,
        additional_data__person=user.pk,
    )
    latest = list(
        records.select_related("actor")
        .only("timestamp", "object_id", "additional_data", "actor__username")
        .order_by("-timestamp", "-id")[:limit]
    )
    dates = dict(
        Entry.objects.of(user)
        .filter(pk__in=[record.object_id for record in latest])
        .values_list("id", "date")
    )
    rows = [
        StaffAccess(
            staff=record.actor.username if record.actor else "a staff account since removed",
            at=record.timestamp,
            page=ACCESS_PAGES.get(str((record.additional_data or {}).get("page")), "a staff page"),
            entry_id=int(record.object_id or 0),
            entry_date=dates.get(record.object_id),
        )
        for record in latest
    ]
    return rows, records.count()
