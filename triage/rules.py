"""The triage rules: which journal entries should lead a person to a doctor, and how soon.

Pure Python on purpose. The entry page, the ``retriage`` command and ``triage_eval`` all
call ``evaluate`` with plain values, so one rule set serves all three, the rules are tested
without a database, and no rule can read the clock: an entry is always judged against the
days up to its own date. How an admin configured a rule reaches this module as a
``RuleConfig``; reading those from the database is the caller's job.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from journal.vocabulary import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    RED_FLAG_SYMPTOMS,
    RadiatesTo,
    Region,
    SelfHelp,
    Symptom,
    Vocabulary,
)

# --- Vocabulary (triage-spec.md) -------------------------------------------------------
# The entry codes are the journal's (journal.vocabulary); urgencies and sources are triage's own.


class Urgency(Vocabulary):
    # Highest first; the labels are what a person reads.
    EMERGENCY = "emergency", "Seek care now: call your local emergency number"
    URGENT = "urgent", "See a doctor today"
    SOON = "soon", "See a doctor within the next few days"
    ROUTINE = "routine", "Bring it up at your next doctor's visit"


URGENCIES: tuple[str, ...] = tuple(Urgency.values)  # highest first
NO_URGENCY = "none"


def urgency_rank(urgency: str) -> int:
    """0 for emergency, 1 for urgent ... : sorting by it puts the highest urgency first."""
    try:
        return URGENCIES.index(urgency)
    except ValueError:
        raise ValueError(f"unknown urgency {urgency!r}") from None


class Source(Vocabulary):
    ARTICLE = "article", "Article"
    CLINICAL_GUIDANCE = "clinical_guidance", "Clinical guidance"


SOURCE_LABELS = {"article": "article", "clinical_guidance": "clinical guidance"}

REGIONS: tuple[str, ...] = tuple(Region.values)
RADIATES_TO: tuple[str, ...] = tuple(RadiatesTo.values)
SYMPTOMS: tuple[str, ...] = tuple(Symptom.values)
# People rarely volunteer these, so the entry form asks them outright.
RED_FLAG_QUESTIONS: tuple[str, ...] = tuple(code.value for code in RED_FLAG_SYMPTOMS)
SELF_HELP: tuple[str, ...] = tuple(SelfHelp.values)

# Words for the middle of a reason sentence. The form's own labels live in
# journal/vocabulary.py and are phrased as answers, which read badly mid-sentence.
_REGION_WORDS = {
    "neck": "neck",
    "shoulders": "shoulders",
    "upper_back": "upper back",
    "middle_back": "middle back",
    "lower_back": "lower back",
}
_RADIATES_TO_WORDS = {
    "head": "the head",
    "shoulders": "the shoulders",
    "arms": "the arms",
    "lower_back": "the lower back",
    "legs": "the legs",
}
_SYMPTOM_WORDS = {
    "headache": "headache",
    "toothache": "toothache",
    "eye_pressure": "pressure behind the eyes",
    "emotional_distress": "emotional distress",
    "dizziness": "dizziness",
    "nausea": "nausea",
    "vomiting": "vomiting",
    "numbness": "numbness",
    "restricted_movement": "restricted movement",
    "slanted_posture": "a slanted or tilted posture",
    "sleep_disturbed": "disturbed sleep",
    "saddle_numbness": "numbness around the groin, buttocks or inner thighs",
    "bladder_bowel_change": "a change in bladder or bowel control",
    "leg_weakness": "weakness in the legs",
    "chest_pain": "chest pain",
    "fever": "fever",
    "weight_loss": "unexplained weight loss",
    "recent_trauma": "a recent fall, blow or accident",
}
_SELF_HELP_WORDS = {
    "heat": "heat",
    "massage": "massage",
    "stretching": "stretching",
    "posture_change": "posture change",
    "movement": "movement",
    "exercise": "exercise",
}
# strftime's %b follows the process locale; reasons must not change with the server.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- Entry facts -----------------------------------------------------------------------


@dataclass(frozen=True)
class EntryFacts:
    """What the rules know about one journal entry."""

    date: datetime.date
    regions: Mapping[str, int] = field(default_factory=dict)
    radiates_to: frozenset[str] = frozenset()
    spasms: int = 0
    symptoms: frozenset[str] = frozenset()
    painkillers: bool = False
    self_help: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # Callers hand in lists, sets or querysets; taking copies keeps the facts from
        # changing underneath a rule after they were built.
        object.__setattr__(self, "regions", dict(self.regions))
        for name in ("radiates_to", "symptoms", "self_help"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))

    @property
    def pain(self) -> int:
        """The highest intensity over all regions, 0 when no region was given."""
        return max(self.regions.values(), default=0)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_entry(data: Mapping[str, Any]) -> EntryFacts:
    """Read one entry in the case-file shape; raise ValueError naming the bad field.

    Missing fields, and fields given as null, take their empty value; unknown keys are
    ignored, so a case file may carry journal fields (habits) no rule reads.
    """
    if not isinstance(data, Mapping):
        raise ValueError("entry: expected an object with the entry's fields")
    return EntryFacts(
        date=_parse_date(data.get("date")),
        regions=_parse_regions(data.get("regions")),
        radiates_to=_parse_codes("radiates_to", data.get("radiates_to"), RADIATES_TO),
        spasms=_parse_spasms(data.get("spasms")),
        symptoms=_parse_codes("symptoms", data.get("symptoms"), SYMPTOMS),
        painkillers=_parse_painkillers(data.get("painkillers")),
        self_help=_parse_codes("self_help", data.get("self_help"), SELF_HELP),
    )


def _is_int(value: object) -> TypeGuard[int]:
    # JSON true/false arrive as bool, which Python counts as int; no one means 1 by true.
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_date(value: object) -> datetime.date:
    if value is None:
        raise ValueError("date: missing (expected YYYY-MM-DD)")
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    # fromisoformat alone also takes week dates and compact forms the spec does not allow.
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"date: {value!r} is not a valid day (expected YYYY-MM-DD)")


def _parse_regions(value: object) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError("regions: expected an object mapping each region to 0-10")
    regions = {}
    for region, intensity in value.items():
        if region not in REGIONS:
            raise ValueError(f"regions: unknown region {region!r} (expected one of {', '.join(REGIONS)})")
        if not _is_int(intensity) or not INTENSITY_MIN <= intensity <= INTENSITY_MAX:
            raise ValueError(
                f"regions.{region}: intensity must be a whole number from "
                f"{INTENSITY_MIN} to {INTENSITY_MAX}, got {intensity!r}"
            )
        regions[region] = intensity
    return regions


def _parse_codes(name: str, value: object, allowed: tuple[str, ...]) -> frozenset[str]:
    if value is None:
        return frozenset()
    # A bare string is iterable too, and would be read letter by letter.
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{name}: expected a list, got {value!r}")
    for code in value:
        if not isinstance(code, str) or code not in allowed:
            raise ValueError(f"{name}: unknown code {code!r} (expected one of {', '.join(allowed)})")
    return frozenset(value)


def _parse_spasms(value: object) -> int:
    if value is None:
        return 0
    if not _is_int(value):
        raise ValueError(f"spasms: expected a whole number of episodes, got {value!r}")
    if value < 0:
        raise ValueError(f"spasms: cannot be negative, got {value!r}")
    return value


def _parse_painkillers(value: object) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ValueError(f"painkillers: expected true or false, got {value!r}")
    return value


# --- Rule building blocks --------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A named threshold an admin may change, with the range the admin accepts."""

    name: str
    default: int
    minimum: int
    maximum: int
    help: str


@dataclass(frozen=True)
class Finding:
    """What a rule's check returns when it fires."""

    reason: str
    # Set only when the facts themselves call for more urgency than configured.
    urgency: str | None = None


# A rule's check: the entry, its earlier entries, the thresholds in force.
Check = Callable[[EntryFacts, Sequence[EntryFacts], Mapping[str, int]], Finding | None]


@dataclass(frozen=True)
class RuleDefinition:
    """One triage rule as it ships: what it checks and its defaults."""

    code: str
    criterion: str
    default_urgency: str
    source: str
    params: tuple[Param, ...]
    default_message: str
    check: Check


def window_start(day: datetime.date, window_days: int) -> datetime.date:
    """The first day of the window of ``window_days`` days that ends on ``day``; a window that
    would reach back before the calendar's first day starts on that day."""
    first = day.toordinal() - (window_days - 1)
    return datetime.date.fromordinal(max(first, 1))


def window_days_meeting(
    entry: EntryFacts,
    history: Iterable[EntryFacts],
    window_days: int,
    condition: Callable[[EntryFacts], bool],
) -> set[datetime.date]:
    """The days of the entry's window on which any entry (the evaluated one included) meets
    ``condition``. Days, not entries, so two entries on one day count once."""
    first = window_start(entry.date, window_days)
    return {
        other.date for other in (entry, *history) if first <= other.date <= entry.date and condition(other)
    }


def _day_text(day: datetime.date, *, with_year: bool) -> str:
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def _span_text(entry: EntryFacts, window_days: int) -> str:
    first = window_start(entry.date, window_days)
    # The year only matters to a reader when the window crosses New Year.
    with_year = first.year != entry.date.year
    return f"{_day_text(first, with_year=with_year)} to {_day_text(entry.date, with_year=with_year)}"


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _in_order(codes: Iterable[str], vocabulary: Sequence[str]) -> list[str]:
    # Sets have no order; reasons should read the same every time.
    present = set(codes)
    return [code for code in vocabulary if code in present]


def _pain_text(entry: EntryFacts) -> str:
    worst = [r for r in REGIONS if entry.regions.get(r) == entry.pain]
    places = _join([_REGION_WORDS[r] for r in worst])
    return f"pain of {entry.pain}/10 in the {places}"


def _min_pain_param(what: str) -> Param:
    return Param(
        name="min_pain",
        default=1,
        minimum=1,
        maximum=10,
        help=(
            f"Lowest pain intensity (0-10) of the entry at which {what} is flagged. "
            "1-10: the criterion is about these signs together with back pain, so 0, "
            "which would flag them without any pain, is not offered."
        ),
    )


def _window_param(default: int) -> Param:
    return Param(
        name="window_days",
        default=default,
        minimum=1,
        maximum=90,
        help=(
            "Length of the look-back window in calendar days, the entry's own day "
            "included. 1-90: entries older than about three months say little about "
            "the current episode."
        ),
    )


def _symptom_check(codes: tuple[str, ...]) -> Check:
    """A check for 'the entry's pain is at least min_pain and it records any of codes'."""

    def check(entry: EntryFacts, history: Sequence[EntryFacts], params: Mapping[str, int]) -> Finding | None:
        found = _in_order(entry.symptoms & set(codes), SYMPTOMS)
        if entry.pain < params["min_pain"] or not found:
            return None
        words = _join([_SYMPTOM_WORDS[code] for code in found])
        return Finding(f"This entry records {_pain_text(entry)} together with {words}.")

    return check


def _reported_check(codes: tuple[str, ...]) -> Check:
    """A check for 'the entry records any of codes', whatever the pain."""

    def check(entry: EntryFacts, history: Sequence[EntryFacts], params: Mapping[str, int]) -> Finding | None:
        found = _in_order(entry.symptoms & set(codes), SYMPTOMS)
        if not found:
            return None
        words = _join([_SYMPTOM_WORDS[code] for code in found])
        return Finding(f"This entry records {words}.")

    return check


# --- The rules -------------------------------------------------------------------------


def _check_recurring_spasms(
    entry: EntryFacts, history: Sequence[EntryFacts], params: Mapping[str, int]
) -> Finding | None:
    if entry.spasms < 1:
        return None
    window = params["window_days"]
    days = window_days_meeting(entry, history, window, lambda e: e.spasms >= 1)
    if len(days) < params["min_days"]:
        return None
    return Finding(f"Spasms on {len(days)} of the {window} days from {_span_text(entry, window)}.")


def _check_persistent_pain(
    entry: EntryFacts, history: Sequence[EntryFacts], params: Mapping[str, int]
) -> Finding | None:
    min_pain, window = params["min_pain"], params["window_days"]
    if entry.pain < min_pain:
        return None
    painful = window_days_meeting(entry, history, window, lambda e: e.pain >= min_pain)
    if len(painful) < params["min_days"]:
        return None
    # The source's criterion is pain that persists although self-help was tried; pain
    # without any self-help gets the self-help advice first, not a doctor's visit.
    helped = window_days_meeting(entry, history, window, lambda e: bool(e.self_help))
    if not helped:
        return None
    first = window_start(entry.date, window)
    tried = _in_order(
        (kind for e in (entry, *history) if first <= e.date <= entry.date for kind in e.self_help),
        SELF_HELP,
    )
    return Finding(
        f"Pain of {min_pain}/10 or more on {len(painful)} of the {window} days from "
        f"{_span_text(entry, window)}, although self-help "
        f"({_join([_SELF_HELP_WORDS[k] for k in tried])}) was recorded on "
        f"{len(helped)} {'day' if len(helped) == 1 else 'days'} of that time."
    )


def _check_painkiller_use(
    entry: EntryFacts, history: Sequence[EntryFacts], params: Mapping[str, int]
) -> Finding | None:
    if not entry.painkillers:
        return None
    return Finding("This entry records taking painkillers.")


_SPREADING_TO = ("arms", "lower_back")


def _check_radiating_pain(
    entry: EntryFacts, history: Sequence[EntryFacts], params: Mapping[str, int]
) -> Finding | None:
    found = _in_order(entry.radiates_to & set(_SPREADING_TO), RADIATES_TO)
    if entry.pain < params["min_pain"] or not found:
        return None
    places = _join([_RADIATES_TO_WORDS[code] for code in found])
    return Finding(f"This entry records {_pain_text(entry)} spreading into {places}.")


def _check_numbness(
    entry: EntryFacts, history: Sequence[EntryFacts], params: Mapping[str, int]
) -> Finding | None:
    if "numbness" not in entry.symptoms:
        return None
    if "dizziness" in entry.symptoms:
        return Finding("This entry records numbness together with dizziness.", "urgent")
    return Finding("This entry records numbness.")


RULES: tuple[RuleDefinition, ...] = (
    RuleDefinition(
        code="cauda_equina",
        criterion=(
            "The entry records numbness around the groin, buttocks or inner thighs, "
            "a change in bladder or bowel control, or weakness in the legs."
        ),
        default_urgency="emergency",
        source="clinical_guidance",
        params=(),
        default_message=(
            "You noted numbness around the groin, buttocks or inner thighs, a change in "
            "bladder or bowel control, or weakness in your legs. Together with back "
            "pain these signs need a doctor straight away, because some of their causes "
            "must be treated within hours. Seek care now: call your local emergency "
            "number or go to an emergency department. Do not wait for a reply from us."
        ),
        check=_reported_check(RED_FLAG_QUESTIONS),
    ),
    RuleDefinition(
        code="chest_pain",
        criterion="The entry records chest pain.",
        default_urgency="emergency",
        source="clinical_guidance",
        params=(),
        default_message=(
            "You noted chest pain. Chest pain has to be checked at once, because some "
            "of its causes are dangerous and cannot wait. Seek care now: call your "
            "local emergency number. Do not wait for a reply from us or for the pain "
            "to pass."
        ),
        check=_reported_check(("chest_pain",)),
    ),
    RuleDefinition(
        code="head_symptoms",
        criterion=(
            "The entry's pain is at least min_pain and it records headache, toothache "
            "or pressure behind the eyes."
        ),
        default_urgency="soon",
        source="article",
        params=(_min_pain_param("headache, toothache or eye pressure"),),
        default_message=(
            "Besides your back pain you noted a headache, toothache or pressure behind "
            "the eyes. When complaints in the head come together with back pain, a "
            "doctor should look at them side by side. Please arrange to see a doctor."
        ),
        check=_symptom_check(("headache", "toothache", "eye_pressure")),
    ),
    RuleDefinition(
        code="numbness",
        criterion=(
            "The entry records numbness; when it records dizziness too, the flag is "
            "at least urgent whatever urgency is configured."
        ),
        default_urgency="soon",
        source="article",
        params=(),
        default_message=(
            "You noted numbness. Numbness is something a doctor should examine, and it "
            "matters more when you feel dizzy as well. Please arrange to see a doctor; "
            "if the numbness spreads or your legs grow weak, seek care at once."
        ),
        check=_check_numbness,
    ),
    RuleDefinition(
        code="painkiller_use",
        criterion="The entry records taking painkillers.",
        default_urgency="routine",
        source="article",
        params=(),
        default_message=(
            "You took painkillers for your back. They can have side effects and can "
            "mask how the pain develops, so your doctor should know that you need "
            "them. Mention it at your next visit, or sooner if you take them most days."
        ),
        check=_check_painkiller_use,
    ),
    RuleDefinition(
        code="persistent_pain",
        criterion=(
            "The entry's pain is at least min_pain, pain of at least min_pain was "
            "recorded on at least min_days of the window_days days ending on the "
            "entry's date, and self-help was recorded on at least one day of that "
            "window."
        ),
        default_urgency="soon",
        source="article",
        params=(
            Param(
                name="min_pain",
                default=4,
                minimum=1,
                maximum=10,
                help=(
                    "Lowest intensity (0-10) that makes a day a painful day; the "
                    "entry's own pain must reach it too. 1-10: 0 would count "
                    "pain-free days."
                ),
            ),
            Param(
                name="min_days",
                default=10,
                minimum=1,
                maximum=90,
                help=(
                    "Painful days needed within the window; a day counts when any "
                    "entry of that day reaches min_pain. 1-90, and no more than "
                    "window_days, or the rule can never fire."
                ),
            ),
            _window_param(14),
        ),
        default_message=(
            "Your pain has stayed up on most days lately, even though you have been "
            "looking after it yourself. Pain that does not ease with self-help deserves "
            "a doctor's examination, to find out what keeps it going and what else can "
            "help. Please arrange to see a doctor."
        ),
        check=_check_persistent_pain,
    ),
    RuleDefinition(
        code="radiating_pain",
        criterion=("The entry's pain is at least min_pain and it spreads into the arms or the lower back."),
        default_urgency="soon",
        source="article",
        params=(_min_pain_param("pain spreading into the arms or lower back"),),
        default_message=(
            "Your pain is spreading beyond where it started, into your arms or down "
            "your back. Pain that travels like this should be examined to find where "
            "it comes from. Please arrange to see a doctor."
        ),
        check=_check_radiating_pain,
    ),
    RuleDefinition(
        code="recurring_spasms",
        criterion=(
            "The entry records spasms, and spasms were recorded on at least min_days "
            "of the window_days days ending on the entry's date."
        ),
        default_urgency="soon",
        source="article",
        params=(
            Param(
                name="min_days",
                default=3,
                minimum=2,
                maximum=90,
                help=(
                    "Days with spasms needed within the window, the entry's own day "
                    "included; a day counts once however many entries it has. 2-90: "
                    "a single day is a one-off, not a recurrence; keep it no more "
                    "than window_days, or the rule can never fire."
                ),
            ),
            _window_param(14),
        ),
        default_message=(
            "Your back has gone into spasm on several days recently. Spasms that keep "
            "returning are worth a doctor's examination, to find out what sets them "
            "off and how to prevent them. Please arrange to see a doctor."
        ),
        check=_check_recurring_spasms,
    ),
    RuleDefinition(
        code="restricted_movement",
        criterion=("The entry's pain is at least min_pain and it records restricted movement."),
        default_urgency="soon",
        source="article",
        params=(_min_pain_param("restricted movement"),),
        default_message=(
            "Your pain is limiting how you can move, for example turning your head. "
            "Movement that stays restricted should be examined by a doctor. Please "
            "arrange to see a doctor."
        ),
        check=_symptom_check(("restricted_movement",)),
    ),
    RuleDefinition(
        code="slanted_posture",
        criterion=("The entry's pain is at least min_pain and it records a slanted or tilted posture."),
        default_urgency="soon",
        source="article",
        params=(_min_pain_param("a slanted posture"),),
        default_message=(
            "You noticed that your body leans or tilts to one side. A posture that "
            "stays crooked can strain your back for good, so it should be looked "
            "into. Please arrange to see a doctor."
        ),
        check=_symptom_check(("slanted_posture",)),
    ),
    RuleDefinition(
        code="sleep_disturbance",
        criterion=("The entry's pain is at least min_pain and it records that the pain disturbed sleep."),
        default_urgency="routine",
        source="article",
        params=(_min_pain_param("disturbed sleep"),),
        default_message=(
            "Your pain is getting in the way of your sleep. Poor sleep makes pain "
            "harder to cope with, and pain at night is something your doctor will "
            "want to hear about. Mention it at your next visit, or book one sooner if "
            "it keeps happening."
        ),
        check=_symptom_check(("sleep_disturbed",)),
    ),
    RuleDefinition(
        code="systemic_red_flags",
        criterion=(
            "The entry's pain is at least min_pain and it records fever, unexplained "
            "weight loss or a recent fall, blow or accident."
        ),
        default_urgency="urgent",
        source="clinical_guidance",
        params=(_min_pain_param("fever, weight loss or a recent injury"),),
        default_message=(
            "Besides your back pain you noted a fever, weight loss you cannot explain, "
            "or a recent fall, blow or accident. Back pain with any of these needs a "
            "doctor's examination without delay, as it can have a cause that needs "
            "treatment. If you feel very unwell, call your local emergency number."
        ),
        check=_symptom_check(("fever", "weight_loss", "recent_trauma")),
    ),
    RuleDefinition(
        code="systemic_symptoms",
        criterion=(
            "The entry's pain is at least min_pain and it records emotional distress, "
            "dizziness, nausea or vomiting."
        ),
        default_urgency="soon",
        source="article",
        params=(_min_pain_param("emotional distress, dizziness, nausea or vomiting"),),
        default_message=(
            "Besides your back pain you noted emotional distress, dizziness, nausea or "
            "vomiting. Complaints beyond the back itself are a reason to be checked "
            "rather than to wait. Please arrange to see a doctor; if you are struggling "
            "emotionally, you do not have to wait for that visit to talk to someone."
        ),
        check=_symptom_check(("emotional_distress", "dizziness", "nausea", "vomiting")),
    ),
)
RULES_BY_CODE: dict[str, RuleDefinition] = {rule.code: rule for rule in RULES}


def param_errors(code: str, params: Mapping[str, int]) -> list[str]:
    """What is wrong with ``params`` for rule ``code``, as sentences for an admin form.

    Checks each value against its Param's range, and that a history rule does not ask
    for more days than its window holds (it could then never fire).
    """
    rule = RULES_BY_CODE[code]
    errors = []
    for param in rule.params:
        value = params.get(param.name, param.default)
        if not _is_int(value) or not param.minimum <= value <= param.maximum:
            errors.append(f"{param.name} must be a whole number from {param.minimum} to {param.maximum}.")
    names = {param.name: param.default for param in rule.params}
    if "min_days" in names and "window_days" in names:
        min_days = params.get("min_days", names["min_days"])
        window_days = params.get("window_days", names["window_days"])
        if _is_int(min_days) and _is_int(window_days) and min_days > window_days:
            errors.append("min_days cannot be more than window_days.")
    return errors


# --- Running the rules -----------------------------------------------------------------


@dataclass(frozen=True)
class RuleConfig:
    """How an admin configured one rule."""

    code: str
    enabled: bool
    urgency: str
    params: Mapping[str, int]
    message: str


def default_configs() -> tuple[RuleConfig, ...]:
    """Every rule enabled with its shipped urgency, thresholds and message."""
    return tuple(
        RuleConfig(
            code=rule.code,
            enabled=True,
            urgency=rule.default_urgency,
            params={param.name: param.default for param in rule.params},
            message=rule.default_message,
        )
        for rule in RULES
    )


@dataclass(frozen=True)
class Flag:
    """One rule that fired for an entry, ready to show and to store."""

    rule: str
    urgency: str
    message: str
    reason: str
    source: str


def _higher(first: str, second: str) -> str:
    return first if urgency_rank(first) <= urgency_rank(second) else second


def evaluate(entry: EntryFacts, history: Iterable[EntryFacts], configs: Iterable[RuleConfig]) -> list[Flag]:
    """Run every enabled rule on ``entry``; return its flags sorted by rule code.

    ``history`` is the person's other entries in any order. Entries dated after
    ``entry`` are ignored, so re-triaging an old entry gives the answer it had on its
    day. A config for an unknown rule is ignored (a rule retired from the code may
    still have a row); when a code appears twice, the later config wins; a param the
    config lacks takes the rule's default; a blank message falls back to the default.
    """
    earlier = tuple(other for other in history if other.date <= entry.date)
    by_code = {config.code: config for config in configs if config.code in RULES_BY_CODE}
    flags = []
    for code in sorted(by_code):
        config = by_code[code]
        if not config.enabled:
            continue
        rule = RULES_BY_CODE[code]
        urgency_rank(config.urgency)  # a mistyped urgency must fail loudly, not sort last
        params = {param.name: param.default for param in rule.params}
        params.update((k, v) for k, v in config.params.items() if k in params)
        finding = rule.check(entry, earlier, params)
        if finding is None:
            continue
        urgency = config.urgency
        if finding.urgency is not None:
            urgency = _higher(urgency, finding.urgency)
        flags.append(
            Flag(
                rule=code,
                urgency=urgency,
                message=config.message.strip() or rule.default_message,
                reason=finding.reason,
                source=rule.source,
            )
        )
    return flags


def overall_urgency(flags: Iterable[Flag]) -> str:
    """The highest urgency among ``flags``, or "none" when there are none."""
    urgencies = [flag.urgency for flag in flags]
    if not urgencies:
        return NO_URGENCY
    return min(urgencies, key=urgency_rank)


# --- Documentation ---------------------------------------------------------------------


def _params_text(params: tuple[Param, ...]) -> str:
    if not params:
        return "none"
    return "; ".join(f"`{p.name}` = {p.default} ({p.minimum}-{p.maximum})" for p in params)


def rules_markdown() -> str:
    """The rules table of docs/triage.md (header included), generated from RULES so the
    documentation cannot drift from the code."""
    lines = [
        "| code | fires when | thresholds: default (allowed range) | default urgency | source |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in RULES:
        cells = (
            f"`{rule.code}`",
            rule.criterion,
            _params_text(rule.params),
            rule.default_urgency,
            SOURCE_LABELS[rule.source],
        )
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
