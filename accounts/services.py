"""Writes for accounts: signing up, consenting, changing the profile, deleting the account."""

from __future__ import annotations

import re
import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from auditlog.models import LogEntry as AuditLogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q

from accounts.consent import CONSENT_VERSION
from accounts.models import HealthDataConsent, User
from journal.models import Entry
from journal.services import entries_reseason


def username_for(*, email: str) -> str:
    """A username for a new account: the start of the e-mail address and a random suffix, so that
    a sign-up never finds out which usernames are taken."""
    stem = re.sub(r"[^a-z0-9._-]", "", email.split("@")[0].lower())[:20] or "person"
    while True:
        username = f"{stem}-{secrets.token_hex(3)}"
        if not User.objects.filter(username__iexact=username).exists():
            return username


@transaction.atomic
def user_signup(*, user: User, hemisphere: str, time_zone: str, consent_given: bool) -> User:
    """Store a new account that allauth filled in (address, username, password hash); consent is
    recorded with it when given. The journal opens once the address is verified."""
    user.hemisphere = hemisphere
    user.time_zone = time_zone
    user.full_clean(exclude=["password"])
    user.save()
    if consent_given:
        consent_give(user=user)
    return user


def consent_give(*, user: User, version: str = CONSENT_VERSION) -> HealthDataConsent:
    consent, _ = HealthDataConsent.objects.get_or_create(user=user, version=version)
    return consent


@transaction.atomic
def profile_update(*, user: User, hemisphere: str, time_zone: str) -> User:
    # Compared with the stored value: a bound ModelForm may already have changed `user` in memory.
    stored = User.objects.values_list("hemisphere", flat=True).get(pk=user.pk)
    user.hemisphere = hemisphere
    user.time_zone = time_zone
    user.full_clean(exclude=["password"])
    user.save(update_fields=["hemisphere", "time_zone"])
    if stored != hemisphere:
        entries_reseason(user=user, hemisphere=hemisphere)
    return user


def second_factor_add_totp(*, user: User, secret: str) -> Authenticator:
    """An authenticator app for the account, with a known base32 secret (the demo accounts)."""
    from allauth.mfa.totp.internal.auth import TOTP

    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    return TOTP.activate(user, secret).instance


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account with every row that names the person: entries, their triage and reviews,
    consents, e-mail addresses, second factors, sessions and the login history (django-axes keeps
    it by the username or address typed, not by a link to the account). Staff access records
    (who opened which entry, and when) stay for audit, no longer linked to anyone."""
    addresses = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    typed = {name.lower() for name in (user.username, user.email, *addresses) if name}
    # Django keeps sessions by key; allauth's list of the person's sessions says which are theirs.
    for session in UserSession.objects.filter(user=user):
        session.end()
    by_name = Q()
    for name in typed:
        by_name |= Q(username__iexact=name)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(by_name).delete()
    AdminLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).delete()
    for record in AuditLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Entry),
        action=AuditLogEntry.Action.ACCESS,
        additional_data__person=user.pk,
    ):
        record.additional_data = {k: v for k, v in (record.additional_data or {}).items() if k != "person"}
        record.save(update_fields=["additional_data"])
    user.delete()
