"""Triage in the database: how admins configured each rule, and the flags the rules raised."""

import datetime

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from journal.models import Entry
from triage import advice, rules

# The urgencies and sources are defined once, with the pure rules.
Urgency = rules.Urgency
Source = rules.Source


# The name of each criterion as a person reads it at the top of a piece of advice.
RULE_TITLES = {
    "cauda_equina": "Signs that nerves at the base of the spine may be squeezed",
    "chest_pain": "Chest pain",
    "head_symptoms": "Head complaints together with back pain",
    "numbness": "Numbness",
    "painkiller_use": "Taking painkillers for the pain",
    "persistent_pain": "Pain that stays although you look after it",
    "radiating_pain": "Pain spreading into the arms or down the back",
    "recurring_spasms": "Back spasms that keep coming back",
    "restricted_movement": "Pain that limits how you move",
    "slanted_posture": "A body that leans or tilts",
    "sleep_disturbance": "Pain that disturbs your sleep",
    "systemic_red_flags": "Fever, weight loss or an injury with back pain",
    "systemic_symptoms": "Dizziness, nausea or distress with back pain",
}


class TriageRule(models.Model):
    """One rule of triage.rules.RULES as an admin configured it. The code is the key, so a flag
    names its rule without a join, and a row can only exist for a rule the code knows."""

    code = models.CharField(max_length=40, primary_key=True)
    enabled = models.BooleanField(default=True)
    urgency = models.CharField(max_length=10, choices=Urgency.choices)
    # The rule's named thresholds ({"window_days": 14, ...}); triage.forms checks them against the
    # ranges in rules.py, and a missing name falls back to the shipped default.
    params = models.JSONField(default=dict, blank=True)
    message = models.TextField(
        help_text="What the person reads: what was noticed, why it matters, what to do."
    )
    source = models.CharField(max_length=20, choices=Source.choices, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(urgency__in=Urgency.values), name="triagerule_urgency_valid"),
            models.CheckConstraint(condition=Q(source__in=Source.values), name="triagerule_source_valid"),
        ]

    def __str__(self):
        return self.code

    @property
    def definition(self) -> rules.RuleDefinition:
        return rules.RULES_BY_CODE[self.code]

    def config(self) -> rules.RuleConfig:
        return rules.RuleConfig(
            code=self.code,
            enabled=self.enabled,
            urgency=self.urgency,
            params=dict(self.params or {}),
            message=self.message,
        )


class FlagStatus(models.TextChoices):
    # The staff review adds its own steps (claimed, resolved) between these two.
    OPEN = "open", "Open"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Flag(models.Model):
    """A rule that fired for an entry, with the urgency, message and reason it fired with."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="flags")
    # PROTECT: a rule with flags is history; rules are switched off, never deleted.
    rule = models.ForeignKey(TriageRule, on_delete=models.PROTECT, related_name="flags")
    urgency = models.CharField(max_length=10, choices=Urgency.choices)
    message = models.TextField()
    reason = models.TextField()
    source = models.CharField(max_length=20, choices=Source.choices)
    status = models.CharField(max_length=12, choices=FlagStatus, default=FlagStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        # By the keys themselves: naming the relations would join and sort through both tables.
        ordering = ["entry_id", "rule_id"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "rule"], name="flag_one_per_entry_and_rule"),
            models.CheckConstraint(condition=Q(urgency__in=Urgency.values), name="flag_urgency_valid"),
            models.CheckConstraint(condition=Q(source__in=Source.values), name="flag_source_valid"),
            models.CheckConstraint(condition=Q(status__in=FlagStatus.values), name="flag_status_valid"),
            # A withdrawn flag says when; any other flag has no withdrawal time.
            models.CheckConstraint(
                condition=Q(status=FlagStatus.WITHDRAWN, withdrawn_at__isnull=False)
                | (~Q(status=FlagStatus.WITHDRAWN) & Q(withdrawn_at__isnull=True)),
                name="flag_withdrawn_has_time",
            ),
            # ... and why, in words the person can read.
            models.CheckConstraint(
                condition=~Q(status=FlagStatus.WITHDRAWN) | ~Q(withdrawn_reason=""),
                name="flag_withdrawn_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["status", "-created_at"], name="flag_status_newest")]

    def __str__(self):
        return f"{self.rule_id} on entry {self.entry_id}"

    @property
    def title(self) -> str:
        return RULE_TITLES.get(self.rule_id, self.rule_id)

    @property
    def is_emergency(self):
        return self.urgency == Urgency.EMERGENCY

    @property
    def hide_allowed_from(self) -> datetime.datetime | None:
        """When the person may hide this advice; None: at once. Emergency advice stays for its
        first day, counted from when it was given or last changed."""
        return advice.hide_allowed_from(urgency=self.urgency, given_at=self.updated_at)


class AdviceResponse(models.TextChoices):
    # As reviewers read them; the person's buttons say "I have seen a doctor about this" and "Hide".
    SEEN_DOCTOR = "seen_doctor", "Has seen a doctor about it"
    HIDDEN = "hidden", "Hid the advice"


class Acknowledgement(models.Model):
    """A person's answer to one flag's advice on their dashboard, with its time; kept, never edited.

    It holds for the urgency the person answered: should the flag later become more urgent (an
    edit adds dizziness to numbness), the advice shows again. Reviewers see every answer."""

    flag = models.ForeignKey(Flag, on_delete=models.CASCADE, related_name="acknowledgements")
    response = models.CharField(max_length=12, choices=AdviceResponse)
    # The flag's urgency when the person answered.
    urgency = models.CharField(max_length=10, choices=Urgency.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(response__in=AdviceResponse.values), name="acknowledgement_response_valid"
            ),
            models.CheckConstraint(
                condition=Q(urgency__in=Urgency.values), name="acknowledgement_urgency_valid"
            ),
        ]

    def __str__(self):
        return f"{self.response} on flag {self.flag_id}"

    def covers(self, flag: Flag) -> bool:
        """Whether this answer still holds for ``flag`` as it is now: it is no more urgent."""
        return rules.urgency_rank(flag.urgency) >= rules.urgency_rank(self.urgency)


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Waiting for a worker"
    RUNNING = "running", "Running"
    DONE = "done", "Finished"
    FAILED = "failed", "Stopped by an error"


ACTIVE_STATUSES = (RunStatus.QUEUED, RunStatus.RUNNING)


class RetriageRun(models.Model):
    """One application of the rules to past entries, started from the admin and run as a background
    task: its progress and outcome, which the admin shows. Counts only, never an entry's content."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=RunStatus, default=RunStatus.QUEUED)
    # True while queued or running; the database allows one such run at a time, since two at once
    # would race to write the same flags.
    active = models.BooleanField(default=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(help_text="Last sign of life: every finished batch moves it.")
    total = models.PositiveIntegerField(null=True, blank=True, help_text="Entries to re-evaluate.")
    done = models.PositiveIntegerField(default=0, help_text="Entries re-evaluated so far.")
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    withdrawn = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    # The last entry done, in the order of the run (person, day, id): a run that was interrupted
    # and tried again goes on after it, so its counts add up to one pass over the entries.
    after_user_id = models.BigIntegerField(null=True, blank=True, editable=False)
    after_date = models.DateField(null=True, blank=True, editable=False)
    after_entry_id = models.BigIntegerField(null=True, blank=True, editable=False)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "application of the rules to past entries"
        verbose_name_plural = "applications of the rules to past entries"
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RunStatus.values), name="retriagerun_status_valid"),
            models.CheckConstraint(
                condition=Q(active=True, status__in=ACTIVE_STATUSES, finished_at__isnull=True)
                | (Q(active=False, finished_at__isnull=False) & ~Q(status__in=ACTIVE_STATUSES)),
                name="retriagerun_active_matches_status",
            ),
            models.UniqueConstraint(
                fields=["active"], condition=Q(active=True), name="retriagerun_one_active_at_a_time"
            ),
            models.CheckConstraint(
                condition=Q(total__isnull=True) | Q(done__lte=F("total")),
                name="retriagerun_done_within_total",
            ),
        ]

    def __str__(self):
        return f"Application of the rules #{self.pk}"

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == RunStatus.DONE else 0
        return 100 * self.done // self.total


# Who changed which threshold, urgency or message, and when: django-auditlog keeps the old and
# new values. Flags are not registered: they carry health data and the engine writes them. Entry
# is not registered either (registering would copy its content into every change record): staff
# access to entries is written as auditlog access records by review.services.entry_access_record.
auditlog.register(TriageRule)
