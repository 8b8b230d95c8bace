"""Reads for accounts."""

from django.utils import timezone

from backpain_site.accounts.consent import CONSENT_VERSION
from backpain_site.accounts.models import HealthDataConsent


def user_has_consented(*, user, version=CONSENT_VERSION):
    return HealthDataConsent.objects.filter(user=user, version=version).exists()


def user_today(*, user, now=None):
    """Today's date where the person is."""
    return (now or timezone.now()).astimezone(user.zone).date()


def entry_count(*, user):
    return user.entries.count()
