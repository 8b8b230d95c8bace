"""A believable four months of journal entries for the demo person.

Deterministic (a fixed random seed), relative to today so the dashboard always has recent data.
A few stretches are written to meet the doctor-visit criteria: spasms on several days in a row,
a fortnight of persistent pain with self-help, headaches with upper-back pain, painkillers, and
one evening of numbness with dizziness. The demo person keeps a medication list; their intakes name
it, and the last one still waits to be rated.
"""

import datetime
import random
from decimal import Decimal

DAYS = 120
# The demo person's medication list: name and usual dose.
MEDICATIONS = (("Ibuprofen", "400 mg"), ("Paracetamol", "500 mg"))
# Days back -> the medicines taken that day (name, dose, time, relief; None: not rated yet).
INTAKES = {
    27: [("Ibuprofen", "400 mg", datetime.time(9, 0), 6)],
    25: [
        ("Ibuprofen", "400 mg", datetime.time(8, 30), 5),
        ("Paracetamol", "500 mg", datetime.time(19, 0), 3),
    ],
    31: [("Paracetamol", "500 mg", datetime.time(21, 0), 4)],
    22: [("Paracetamol", "1000 mg", datetime.time(20, 15), 7)],
    1: [("Ibuprofen", "400 mg", datetime.time(18, 45), None)],
}
OFFICE_HOURS = ["6.5", "7", "8", "9", "5.5"]
FREE_DAY_HOURS = ["1", "2", "3"]
NOTES = [
    "",
    "",
    "",
    "Long meeting day.",
    "Stiff in the morning, better after a walk.",
    "Slept badly on the sofa.",
]


def _base_day(rng, day, winter):
    upper = rng.choice([0, 1, 2, 2, 3, 3, 4]) + (2 if winter else 0)
    lower = rng.choice([0, 0, 1, 2, 3, 4, 5])
    office_day = day.weekday() < 5
    ran = not office_day and rng.random() < 0.6 or office_day and rng.random() < 0.2
    entry = {
        "date": day,
        "neck": max(0, upper - rng.choice([1, 2, 3])),
        "shoulders": max(0, upper - rng.choice([0, 1, 2])),
        "upper_back": min(upper, 10),
        "middle_back": rng.choice([0, 0, 0, 1, 2]),
        "lower_back": lower,
        "sitting_hours": Decimal(rng.choice(OFFICE_HOURS if office_day else FREE_DAY_HOURS)),
        "sitting_posture": rng.choice(["hunched", "hunched", "upright"]) if office_day else "",
        "shoulder_load": rng.random() < 0.2,
        "shoulders_raised_cold": winter and rng.random() < 0.5,
        "strength_training": rng.random() < 0.25,
        "other_movement_minutes": rng.choice([None, 15, 20, 30, 45]),
        "self_help": rng.sample(["heat", "stretching", "movement", "massage"], k=rng.choice([0, 1, 1, 2])),
        "notes": rng.choice(NOTES),
    }
    if ran:
        entry.update(
            running_minutes=rng.choice([25, 30, 40, 50, 60]),
            running_surface=rng.choice(["hard", "hard", "grass", "track", "trail"]),
            warmed_up=rng.random() < 0.6,
            stretched_after=rng.random() < 0.5,
            shoes_fit=rng.random() < 0.8,
        )
    return entry


def demo_entries(*, today, hemisphere="north", seed=2026):
    """The demo person's entries, oldest first, as dicts for journal.services.entry_create."""
    from journal.seasons import season_for

    rng = random.Random(seed)
    entries = []
    for back in range(DAYS, -1, -1):
        day = today - datetime.timedelta(days=back)
        if back and back not in INTAKES and rng.random() < 0.15:  # some days are skipped
            continue
        winter = season_for(day, hemisphere) in ("winter", "autumn")
        entry = _base_day(rng, day, winter)
        if 40 <= back <= 44:  # a week of returning spasms after long runs on asphalt
            entry.update(spasms=rng.choice([1, 2]), lower_back=6)
        if 20 <= back <= 34:  # a fortnight of upper-back pain despite heat and stretching
            entry.update(upper_back=max(entry["upper_back"], 5), self_help=["heat", "stretching"])
        if back in (27, 25):
            entry.update(symptoms=["headache"])
        if back in INTAKES:
            entry["medications"] = [
                {"name": name, "dose": dose, "time": time, "relief": relief}
                for name, dose, time, relief in INTAKES[back]
            ]
        if back == 9:
            entry.update(symptoms=["numbness", "dizziness"], radiates_to=["arms"], upper_back=6)
        if back == 3:
            entry.update(symptoms=["sleep_disturbed"], neck=5)
        entries.append(entry)
        if back and rng.random() < 0.12:  # an evening entry when the day changed
            evening = dict(entry, time=datetime.time(20, 30), notes="Evening: worse after sitting.")
            evening.pop("medications", None)
            evening["upper_back"] = min(10, entry["upper_back"] + 1)
            entries.append(evening)
    return entries
