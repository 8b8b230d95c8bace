"""Writes for accounts: signing up, consenting, changing the profile, deleting the account."""

from __future__ import annotations

from django.db import transaction

from accounts.consent import CONSENT_VERSION
from accounts.models import HealthDataConsent, User
from journal.services import entries_reseason


@transaction.atomic
def user_signup(
    *, username: str, email: str, password: str, hemisphere: str, time_zone: str, consent_given: bool
) -> User:
    """Create a person's account; consent is recorded with it when given."""
    user = User(username=username, email=email, hemisphere=hemisphere, time_zone=time_zone)
    user.set_password(password)
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


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account with everything in it: entries, their triage and reviews, consents.
    Staff access records keep only the entry's number, never its content, and stay for audit."""
    user.delete()
