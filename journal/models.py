"""The pain journal: one short entry about one day, several allowed on the same day."""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Greatest, Lower
from django.urls import reverse

from journal.vocabulary import (
    INTENSITY_MAX,
    SPASMS_MAX,
    RadiatesTo,
    Region,
    RunningSurface,
    Season,
    SelfHelp,
    SittingPosture,
    Symptom,
)

MINUTES_IN_A_DAY = 24 * 60
MEDICATION_NAME_MAX = 200  # room for every free-text painkiller name written before the list existed
DOSE_MAX = 100


def intensity_field(label):
    return models.PositiveSmallIntegerField(
        label, default=0, validators=[MinValueValidator(0), MaxValueValidator(INTENSITY_MAX)]
    )


class EntryQuerySet(models.QuerySet["Entry"]):
    def of(self, user: Any) -> "EntryQuerySet":
        """The entries of one person: where every read of a person's journal starts."""
        return self.filter(user=user)


class Entry(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField()
    time = models.TimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Where it hurts, 0 (not at all) to 10 (worst imaginable); field names are the region codes.
    neck = intensity_field(Region.NECK.label)
    shoulders = intensity_field(Region.SHOULDERS.label)
    upper_back = intensity_field(Region.UPPER_BACK.label)
    middle_back = intensity_field(Region.MIDDLE_BACK.label)
    lower_back = intensity_field(Region.LOWER_BACK.label)
    # The entry's pain is its highest region: computed by the database so lists and charts can query it
    # and it can never disagree with the regions.
    pain = models.GeneratedField(
        expression=Greatest("neck", "shoulders", "upper_back", "middle_back", "lower_back"),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )

    # Lists of vocabulary codes (journal.vocabulary); the services validate them.
    radiates_to = models.JSONField(default=list, blank=True)
    spasms = models.PositiveSmallIntegerField(
        "spasm episodes", default=0, validators=[MaxValueValidator(SPASMS_MAX)]
    )
    symptoms = models.JSONField(default=list, blank=True)
    # True whenever the entry records an intake (the services see to it), and also when the person
    # took something without saying what: the painkiller_use rule reads this.
    painkillers = models.BooleanField("took painkillers", default=False)
    self_help = models.JSONField(default=list, blank=True)

    # Habits of the day.
    sitting_hours = models.DecimalField(
        "hours sitting at a screen",
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    sitting_posture = models.CharField(max_length=10, choices=SittingPosture.choices, blank=True)
    shoulder_load = models.BooleanField("carried heavy or one-sided loads on the shoulders", default=False)
    shoulders_raised_cold = models.BooleanField("pulled the shoulders up against the cold", default=False)
    running_minutes = models.PositiveSmallIntegerField(
        "minutes running", null=True, blank=True, validators=[MaxValueValidator(MINUTES_IN_A_DAY)]
    )
    running_surface = models.CharField(max_length=10, choices=RunningSurface.choices, blank=True)
    warmed_up = models.BooleanField("warmed up before running", null=True, blank=True)
    stretched_after = models.BooleanField("stretched after running", null=True, blank=True)
    shoes_fit = models.BooleanField("running shoes fit well", null=True, blank=True)
    strength_training = models.BooleanField("did strength training", default=False)
    other_movement_minutes = models.PositiveSmallIntegerField(
        "minutes of other movement", null=True, blank=True, validators=[MaxValueValidator(MINUTES_IN_A_DAY)]
    )

    notes = models.TextField(blank=True, max_length=4000)

    # Derived from the date and the person's hemisphere by the services; never typed.
    season = models.CharField(max_length=6, choices=Season.choices, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entries"
        ordering = ["-date", "-time", "-id"]
        indexes = [models.Index(fields=["user", "-date", "-time", "-id"], name="entry_user_newest")]
        constraints = [
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{region}__lte": INTENSITY_MAX}),
                    name=f"entry_{region}_at_most_{INTENSITY_MAX}",
                )
                for region in Region.values
            ),
            models.CheckConstraint(condition=models.Q(spasms__lte=SPASMS_MAX), name="entry_spasms_in_range"),
            models.CheckConstraint(
                condition=models.Q(sitting_hours__isnull=True)
                | models.Q(sitting_hours__gte=0, sitting_hours__lte=24),
                name="entry_sitting_hours_in_a_day",
            ),
            models.CheckConstraint(condition=models.Q(season__in=Season.values), name="entry_season_valid"),
            models.CheckConstraint(
                condition=models.Q(sitting_posture__in=["", *SittingPosture.values]),
                name="entry_sitting_posture_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(running_surface__in=["", *RunningSurface.values]),
                name="entry_running_surface_valid",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{minutes}__isnull": True})
                    | models.Q(**{f"{minutes}__lte": MINUTES_IN_A_DAY}),
                    name=f"entry_{minutes}_in_a_day",
                )
                for minutes in ("running_minutes", "other_movement_minutes")
            ),
            # Surface, warm-up, stretching and shoes describe a run: no run, no details.
            models.CheckConstraint(
                # Spelled out for NULL: a CHECK that evaluates to unknown would let the row in.
                condition=models.Q(running_minutes__isnull=False, running_minutes__gt=0)
                | models.Q(
                    running_surface="",
                    warmed_up__isnull=True,
                    stretched_after__isnull=True,
                    shoes_fit__isnull=True,
                ),
                name="entry_run_details_need_a_run",
            ),
        ]

    def __str__(self):
        return f"Entry {self.pk} of {self.date:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("journal:entry-detail", args=[self.pk])

    @property
    def regions(self):
        """Every region with its intensity, in body order."""
        return {region: getattr(self, region) for region in Region.values}

    @property
    def painful_regions(self):
        return [(Region(code).label, value) for code, value in self.regions.items() if value]

    def labels(self, codes, choices):
        return [choices(code).label for code in codes if code in choices.values]

    @property
    def radiates_to_labels(self):
        return self.labels(self.radiates_to, RadiatesTo)

    @property
    def symptom_labels(self):
        return self.labels(self.symptoms, Symptom)

    @property
    def self_help_labels(self):
        return self.labels(self.self_help, SelfHelp)


class Medication(models.Model):
    """A medicine on the person's own list, with the dose they usually take: one tap on the entry
    form records an intake of it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="medications")
    name = models.CharField(max_length=MEDICATION_NAME_MAX)
    dose = models.CharField("usual dose", max_length=DOSE_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [Lower("name").asc(), "id"]
        constraints = [
            models.UniqueConstraint(
                "user",
                Lower("name"),
                name="medication_name_once_per_person",
                violation_error_message="You already have a medication of this name in your list.",
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="medication_has_a_name"),
        ]

    def __str__(self):
        return f"{self.name} {self.dose}".strip()


class Intake(models.Model):
    """One medicine taken, recorded on an entry: what (name and dose as taken, kept even when the
    list changes later), when, and how much it helped (often added later)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="intakes")
    # The list item it was recorded from; an intake outlives its removal from the list.
    medication = models.ForeignKey(
        Medication, on_delete=models.SET_NULL, null=True, blank=True, related_name="intakes"
    )
    name = models.CharField(max_length=MEDICATION_NAME_MAX)
    dose = models.CharField(max_length=DOSE_MAX, blank=True)
    time = models.TimeField(null=True, blank=True)
    relief = models.PositiveSmallIntegerField(
        "how much it helped",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(INTENSITY_MAX)],
    )

    class Meta:
        ordering = [models.F("time").asc(nulls_last=True), "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="intake_has_a_name"),
            models.CheckConstraint(
                condition=models.Q(relief__isnull=True) | models.Q(relief__lte=INTENSITY_MAX),
                name=f"intake_relief_at_most_{INTENSITY_MAX}",
            ),
        ]

    def __str__(self):
        return f"{self.name} {self.dose}".strip()
