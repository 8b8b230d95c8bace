"""People who use the journal, and the consent they gave to store their health data."""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class Hemisphere(models.TextChoices):
    NORTH = "north", "Northern hemisphere"
    SOUTH = "south", "Southern hemisphere"


class User(AbstractUser):
    # The season of an entry depends on where on Earth the person lives.
    hemisphere = models.CharField(max_length=5, choices=Hemisphere, default=Hemisphere.NORTH)
    # "Today" for the journal is today where the person is, not on the server.
    time_zone = models.CharField(max_length=64, choices=time_zone_choices, default="UTC")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hemisphere__in=Hemisphere.values), name="user_hemisphere_valid"
            ),
        ]

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)


class HealthDataConsent(models.Model):
    """A consent given by a person to one version of the consent text; kept, never edited."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    version = models.CharField(max_length=20)
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="consent_once_per_version"),
        ]
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.user} consented to version {self.version}"
