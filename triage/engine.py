"""Where the triage rules meet the database: the one path from stored entries to stored flags.

The entry services (save, edit, delete), the ``retriage`` command and ``triage_eval`` all come
through here to ``rules.evaluate``; nothing else runs a rule. Rule settings are read from the
TriageRule rows, so an admin's change applies to the next evaluation everywhere.
"""

from __future__ import annotations

import bisect
import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.apps.registry import Apps
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from journal.models import Entry
from triage import rules
from triage.models import Flag, FlagStatus, TriageRule
from triage.signals import flags_changed

if TYPE_CHECKING:
    from accounts.models import User

# What the rules read of an entry; loaded with values() so no model instances are built.
FACT_FIELDS = (
    "id", "user_id", "date", *rules.REGIONS,
    "radiates_to", "spasms", "symptoms", "painkillers", "self_help",
)  # fmt: skip


class Cause:
    """Why entries are being re-evaluated; it words the reason a flag is withdrawn."""

    SAVED = "saved"  # the entry itself was written or edited
    NEIGHBOUR = "neighbour"  # another entry in its window was written, edited or deleted
    RULES = "rules"  # retriage after a change of the rules


WITHDRAWN_REASONS = {
    Cause.SAVED: "The entry was changed and no longer meets this criterion.",
    Cause.NEIGHBOUR: (
        "An entry of the days before it was changed or deleted; it no longer meets this criterion."
    ),
    Cause.RULES: "The rule's settings were changed and the entry no longer meets this criterion.",
}
DISABLED_REASON = "An administrator switched this rule off."


@dataclass
class Outcome:
    """What a re-evaluation did to the stored flags."""

    entries: int = 0
    added: int = 0  # new flags, and withdrawn flags whose rule fired again
    updated: int = 0  # open flags that still hold, with a new urgency, message or reason
    withdrawn: int = 0
    unchanged: int = 0

    def __iadd__(self, other: Outcome) -> Outcome:
        for name in ("entries", "added", "updated", "withdrawn", "unchanged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


# --- Reading rules and entries -----------------------------------------------------------


def rules_create_missing(*, using: str = "default", apps: Apps | None = None, **kwargs: Any) -> None:
    """Create the row of every rule that has none, with the shipped defaults; never changes an
    existing row. Connected to post_migrate (hence the signal's keyword arguments)."""
    try:
        model: type[TriageRule] = apps.get_model("triage", "TriageRule") if apps is not None else TriageRule
    except LookupError:  # migrated back to before the table existed
        return
    present = set(model.objects.using(using).values_list("code", flat=True))
    model.objects.using(using).bulk_create(
        model(
            code=config.code,
            enabled=config.enabled,
            urgency=config.urgency,
            params=dict(config.params),
            message=config.message,
            source=rules.RULES_BY_CODE[config.code].source,
        )
        for config in rules.default_configs()
        if config.code not in present
    )


def rule_configs() -> list[rules.RuleConfig]:
    """Every rule as configured in the admin, in one query."""
    return [rule.config() for rule in TriageRule.objects.all()]


def history_days(configs: Iterable[rules.RuleConfig]) -> int:
    """How many days back (the entry's own day included) any enabled rule looks: the widest
    window. 1 when no history rule is on, so only the entry's own day is read."""
    widest = 1
    for config in configs:
        rule = rules.RULES_BY_CODE.get(config.code)
        if not config.enabled or rule is None:
            continue
        for param in rule.params:
            if param.name == "window_days":
                widest = max(widest, int(config.params.get("window_days", param.default)))
    return widest


def facts_of(row: Mapping) -> rules.EntryFacts:
    """An entry's facts from its stored fields: the only place an Entry becomes EntryFacts."""
    return rules.EntryFacts(
        date=row["date"],
        # Regions at 0 are left out, so a stored entry reads like the same case in a case file.
        regions={region: row[region] for region in rules.REGIONS if row[region]},
        radiates_to=frozenset(row["radiates_to"] or ()),
        spasms=row["spasms"],
        symptoms=frozenset(row["symptoms"] or ()),
        painkillers=row["painkillers"],
        self_help=frozenset(row["self_help"] or ()),
    )


class _History:
    """A person's entries over a span of days, sorted by date, to slice windows from."""

    def __init__(self, rows: Iterable[Mapping]):
        ordered = sorted(rows, key=lambda row: (row["date"], row["id"]))
        self.ids = [row["id"] for row in ordered]
        self.facts = [facts_of(row) for row in ordered]
        self.dates = [facts.date for facts in self.facts]

    def window(self, *, entry_id: int, day: datetime.date, days: int) -> list[rules.EntryFacts]:
        first = rules.window_start(day, days)
        lo, hi = bisect.bisect_left(self.dates, first), bisect.bisect_right(self.dates, day)
        return [self.facts[i] for i in range(lo, hi) if self.ids[i] != entry_id]


def evaluate(
    entry: rules.EntryFacts, history: Sequence[rules.EntryFacts], configs: Iterable[rules.RuleConfig]
) -> list[rules.Flag]:
    """The single call into the rules, shared by the save path, retriage and triage_eval."""
    return rules.evaluate(entry, history, configs)


# --- Re-evaluating stored entries --------------------------------------------------------


@transaction.atomic
def entries_retriage(
    *, entry_ids: Iterable[int], cause: str = Cause.RULES, configs: Iterable[rules.RuleConfig] | None = None
) -> Outcome:
    """Evaluate the given entries against the rules in force and bring their flags in line.

    A fixed number of queries however many entries: the entries, their history (one query over
    every person's widest window), their flags, then bulk writes. Atomic, so an entry's flags
    are never half reconciled; inside the entry services it joins their transaction.
    """
    entry_ids = set(entry_ids)
    if not entry_ids:
        return Outcome()
    configs = rule_configs() if configs is None else list(configs)
    days = history_days(configs)
    targets = list(Entry.objects.filter(pk__in=entry_ids).values(*FACT_FIELDS))
    if not targets:  # deleted since the caller listed them
        return Outcome()
    spans = defaultdict(list)
    for row in targets:
        spans[row["user_id"]].append(row["date"])
    history_filter = reduce(
        or_,
        (
            Q(user_id=user_id, date__range=(rules.window_start(min(dates), days), max(dates)))
            for user_id, dates in spans.items()
        ),
    )
    by_user = defaultdict(list)
    for row in Entry.objects.filter(history_filter).values(*FACT_FIELDS):
        by_user[row["user_id"]].append(row)
    histories = {user_id: _History(rows) for user_id, rows in by_user.items()}

    fired = {}
    for row in targets:
        history = histories[row["user_id"]].window(entry_id=row["id"], day=row["date"], days=days)
        fired[row["id"]] = evaluate(facts_of(row), history, configs)
    disabled = {config.code for config in configs if not config.enabled}
    outcome = _reconcile(fired=fired, cause=cause, disabled=disabled)
    outcome.entries = len(targets)
    return outcome


# An entry's place in the order in which retriage goes through them: person, day, id.
EntryKey = tuple[int, datetime.date, int]


def entries_retriage_in_batches(
    *,
    entries: QuerySet[Entry],
    batch_size: int = 500,
    configs: Iterable[rules.RuleConfig] | None = None,
    after_batch: Callable[[EntryKey, int, Outcome], None] | None = None,
) -> Outcome:
    """Re-evaluate ``entries`` after a change of the rules, batch by batch, each batch in its own
    transaction: stopped halfway, every entry is either fully re-evaluated or untouched.

    In order of person and day, so that a batch reads few histories; ``after_batch(last entry's
    key, entries in the batch, outcome)`` runs inside the batch's transaction, so whatever it
    records commits with the flags. One reading of the rules for the whole pass."""
    keys: list[EntryKey] = list(
        entries.order_by("user_id", "date", "id").values_list("user_id", "date", "id")
    )
    configs = rule_configs() if configs is None else list(configs)
    total = Outcome()
    for start in range(0, len(keys), batch_size):
        batch = keys[start : start + batch_size]
        with transaction.atomic():
            outcome = entries_retriage(
                entry_ids=[key[2] for key in batch], cause=Cause.RULES, configs=configs
            )
            if after_batch is not None:
                after_batch(batch[-1], len(batch), outcome)
        total += outcome
    return total


_UPDATED_FIELDS = (
    "status", "urgency", "message", "reason", "source", "withdrawn_at", "withdrawn_reason", "updated_at",
)  # fmt: skip


def _reconcile(*, fired: Mapping[int, list[rules.Flag]], cause: str, disabled: set[str]) -> Outcome:
    outcome = Outcome()
    now = timezone.now()
    stored = {(flag.entry_id, flag.rule_id): flag for flag in Flag.objects.filter(entry_id__in=fired)}
    to_create, to_update = [], []
    raised, escalated = [], []  # (entry id, urgency) of flags that are new, fired again, or rose
    for entry_id, flags in fired.items():
        for new in flags:
            old = stored.pop((entry_id, new.rule), None)
            if old is None:
                raised.append((entry_id, new.urgency))
                to_create.append(
                    Flag(
                        entry_id=entry_id,
                        rule_id=new.rule,
                        urgency=new.urgency,
                        message=new.message,
                        reason=new.reason,
                        source=new.source,
                    )
                )
                outcome.added += 1
                continue
            content = (new.urgency, new.message, new.reason, new.source)
            same = (old.urgency, old.message, old.reason, old.source) == content
            if old.status == FlagStatus.WITHDRAWN:
                # The criterion holds again: the same flag opens again rather than a second one.
                # A flag withdrawn only because an admin switched its rule off comes back as it
                # was, without a new alarm: reviewers already knew of it, and reopening every
                # resolved review of that rule across the history would bury the queue.
                back_from_switch_off = old.withdrawn_reason == DISABLED_REASON and same
                old.status, old.withdrawn_at, old.withdrawn_reason = FlagStatus.OPEN, None, ""
                outcome.added += 1
                if not back_from_switch_off:
                    raised.append((entry_id, new.urgency))
            elif same:
                outcome.unchanged += 1
                continue
            else:
                outcome.updated += 1
                if rules.urgency_rank(new.urgency) < rules.urgency_rank(old.urgency):
                    # Still the same flag, but more urgent now (numbness with dizziness, or an
                    # admin raised the rule's urgency): the reviewers hear of it like a new one.
                    escalated.append((entry_id, new.urgency))
            old.urgency, old.message, old.reason, old.source = content
            old.updated_at = now
            to_update.append(old)
    # What is left held before and does not now.
    for (_, rule_code), old in stored.items():
        if old.status == FlagStatus.WITHDRAWN:
            continue
        old.status, old.withdrawn_at = FlagStatus.WITHDRAWN, now
        old.withdrawn_reason = DISABLED_REASON if rule_code in disabled else WITHDRAWN_REASONS[cause]
        old.updated_at = now
        to_update.append(old)
        outcome.withdrawn += 1
    Flag.objects.bulk_create(to_create)
    Flag.objects.bulk_update(to_update, _UPDATED_FIELDS)
    # The staff review hears of it in this transaction: every flagged entry has a review, and a
    # new or more urgent flag reopens a resolved one (the reviewer decided without knowing of it).
    changed = {flag.entry_id for flag in (*to_create, *to_update)}
    if changed:
        flags_changed.send(sender=Flag, raised=raised + escalated, changed=changed)
    return outcome


def entries_around_retriage(*, entry: Entry | None, user: User, days: Iterable[datetime.date]) -> Outcome:
    """Re-evaluate ``entry`` and every entry of the person whose window holds any of ``days``.

    A change on day D can change the flags of any entry dated D to D + window - 1: the other
    entries of D itself and the later ones. ``entry`` is None after a delete.
    """
    configs = rule_configs()
    span = history_days(configs)
    near = reduce(
        or_,
        (Q(date__range=(day, day + datetime.timedelta(days=span - 1))) for day in set(days)),
    )
    ids = set(Entry.objects.of(user).filter(near).values_list("id", flat=True))
    outcome = Outcome()
    if entry is not None:
        ids.discard(entry.pk)
        outcome += entries_retriage(entry_ids=[entry.pk], cause=Cause.SAVED, configs=configs)
    outcome += entries_retriage(entry_ids=ids, cause=Cause.NEIGHBOUR, configs=configs)
    return outcome
