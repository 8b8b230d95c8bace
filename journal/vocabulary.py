"""The journal's vocabulary: every entry code of triage-spec.md, defined once, with the words a
person reads.

Plain Python, no Django: the pure triage rules read the same codes the journal's forms and models
offer, and the rules must not import Django. Each code list is an enum whose members carry their
label; ``Region.values`` and ``Region.choices`` give what Django's model and form fields take.
"""

from __future__ import annotations

from enum import EnumMeta, StrEnum
from typing import Any


class _VocabularyType(EnumMeta):
    @property
    def values(cls) -> list[str]:
        return [member.value for member in cls]  # type: ignore[var-annotated]

    @property
    def labels(cls) -> list[str]:
        return [member.label for member in cls]  # type: ignore[var-annotated]

    @property
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]  # type: ignore[var-annotated]


class Vocabulary(StrEnum, metaclass=_VocabularyType):
    """A list of codes; each member is its code (a str) and has a ``label``."""

    label: str
    _value_: str

    def __new__(cls, value: str, label: str) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:
        return self._value_

    @classmethod
    def label_of(cls, code: Any) -> str:
        """The label of ``code``, or "" for a code the list does not hold."""
        return next((member.label for member in cls if member.value == code), "")


class Region(Vocabulary):
    NECK = "neck", "Neck"
    SHOULDERS = "shoulders", "Shoulders"
    UPPER_BACK = "upper_back", "Upper back (between the shoulder blades)"
    MIDDLE_BACK = "middle_back", "Middle back"
    LOWER_BACK = "lower_back", "Lower back"


# Each region's name where space is short: on the body map, and what a screen reader says there.
REGION_SHORT_LABELS = {
    Region.NECK: "Neck",
    Region.SHOULDERS: "Shoulders",
    Region.UPPER_BACK: "Upper back",
    Region.MIDDLE_BACK: "Middle back",
    Region.LOWER_BACK: "Lower back",
}


class RadiatesTo(Vocabulary):
    HEAD = "head", "Head"
    SHOULDERS = "shoulders", "Shoulders"
    ARMS = "arms", "Arms"
    LOWER_BACK = "lower_back", "Down into the lower back"
    LEGS = "legs", "Legs"


class Symptom(Vocabulary):
    HEADACHE = "headache", "Headache"
    TOOTHACHE = "toothache", "Toothache"
    EYE_PRESSURE = "eye_pressure", "Pressure behind the eyes"
    EMOTIONAL_DISTRESS = "emotional_distress", "Feeling low, anxious or upset"
    DIZZINESS = "dizziness", "Dizziness"
    NAUSEA = "nausea", "Nausea"
    VOMITING = "vomiting", "Vomiting"
    NUMBNESS = "numbness", "Numbness or tingling"
    RESTRICTED_MOVEMENT = "restricted_movement", "Restricted movement (for example, cannot turn the head)"
    SLANTED_POSTURE = "slanted_posture", "Body visibly leaning or tilted to one side"
    SLEEP_DISTURBED = "sleep_disturbed", "Pain disturbed my sleep"
    SADDLE_NUMBNESS = "saddle_numbness", "Numbness around the genitals, buttocks or inner thighs"
    BLADDER_BOWEL_CHANGE = "bladder_bowel_change", "New trouble controlling or passing urine or stool"
    LEG_WEAKNESS = "leg_weakness", "New weakness in one or both legs"
    CHEST_PAIN = "chest_pain", "Chest pain"
    FEVER = "fever", "Fever"
    WEIGHT_LOSS = "weight_loss", "Weight loss without trying"
    RECENT_TRAUMA = "recent_trauma", "A recent fall, accident or blow to the back"


# Asked explicitly whenever numbness or radiating pain is logged: people rarely volunteer them.
RED_FLAG_SYMPTOMS = (Symptom.SADDLE_NUMBNESS, Symptom.BLADDER_BOWEL_CHANGE, Symptom.LEG_WEAKNESS)
OTHER_RED_FLAG_SYMPTOMS = (Symptom.CHEST_PAIN, Symptom.FEVER, Symptom.WEIGHT_LOSS, Symptom.RECENT_TRAUMA)
COMMON_SYMPTOMS = tuple(s for s in Symptom if s not in RED_FLAG_SYMPTOMS + OTHER_RED_FLAG_SYMPTOMS)


class SelfHelp(Vocabulary):
    HEAT = "heat", "Heat"
    MASSAGE = "massage", "Massage"
    STRETCHING = "stretching", "Stretching"
    POSTURE_CHANGE = "posture_change", "Changed my posture"
    MOVEMENT = "movement", "Moved more"
    EXERCISE = "exercise", "Exercise"


class SittingPosture(Vocabulary):
    UPRIGHT = "upright", "Mostly upright"
    HUNCHED = "hunched", "Mostly hunched"


class RunningSurface(Vocabulary):
    HARD = "hard", "Asphalt or concrete"
    GRASS = "grass", "Grass"
    TRACK = "track", "Track"
    TRAIL = "trail", "Trail"
    TREADMILL = "treadmill", "Treadmill"


class Season(Vocabulary):
    WINTER = "winter", "Winter"
    SPRING = "spring", "Spring"
    SUMMER = "summer", "Summer"
    AUTUMN = "autumn", "Autumn"


INTENSITY_MIN = 0
INTENSITY_MAX = 10
SPASMS_MAX = 99
