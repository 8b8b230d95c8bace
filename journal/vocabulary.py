"""The journal's vocabulary: the codes of triage-spec.md with the words a person reads."""

from django.db import models


class Region(models.TextChoices):
    NECK = "neck", "Neck"
    SHOULDERS = "shoulders", "Shoulders"
    UPPER_BACK = "upper_back", "Upper back (between the shoulder blades)"
    MIDDLE_BACK = "middle_back", "Middle back"
    LOWER_BACK = "lower_back", "Lower back"


class RadiatesTo(models.TextChoices):
    HEAD = "head", "Head"
    SHOULDERS = "shoulders", "Shoulders"
    ARMS = "arms", "Arms"
    LOWER_BACK = "lower_back", "Down into the lower back"
    LEGS = "legs", "Legs"


class Symptom(models.TextChoices):
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


class SelfHelp(models.TextChoices):
    HEAT = "heat", "Heat"
    MASSAGE = "massage", "Massage"
    STRETCHING = "stretching", "Stretching"
    POSTURE_CHANGE = "posture_change", "Changed my posture"
    MOVEMENT = "movement", "Moved more"
    EXERCISE = "exercise", "Exercise"


class SittingPosture(models.TextChoices):
    UPRIGHT = "upright", "Mostly upright"
    HUNCHED = "hunched", "Mostly hunched"


class RunningSurface(models.TextChoices):
    HARD = "hard", "Asphalt or concrete"
    GRASS = "grass", "Grass"
    TRACK = "track", "Track"
    TRAIL = "trail", "Trail"
    TREADMILL = "treadmill", "Treadmill"


class Season(models.TextChoices):
    WINTER = "winter", "Winter"
    SPRING = "spring", "Spring"
    SUMMER = "summer", "Summer"
    AUTUMN = "autumn", "Autumn"


INTENSITY_MAX = 10
SPASMS_MAX = 99
