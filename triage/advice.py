"""How advice about an earlier entry is worded: in the past, naming the day and what was noted.

Pure: the day, today, the flag's urgency and its reason in, a sentence out. Advice about today's
entry keeps the rule's own message; advice about an older entry would otherwise tell someone to
"see a doctor today" about a day long gone.
"""

from __future__ import annotations

import datetime

# Month names spelled out here: strftime's follow the server's locale.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# What we advised, then what to do now that the day has passed.
_ADVISED = {
    "emergency": (
        "we advised seeking emergency care at once. If you have not been seen, please seek care now."
    ),
    "urgent": "we advised seeing a doctor that day. If you have not, please do.",
    "soon": "we advised seeing a doctor within a few days. If you have not, please do.",
    "routine": "we suggested bringing it up at your next doctor's visit.",
}
_RECORDS = "This entry records "
# Emergency advice cannot be hidden for this long after it was given (or last changed).
EMERGENCY_STAYS = datetime.timedelta(days=1)


def hide_allowed_from(*, urgency: str, given_at: datetime.datetime) -> datetime.datetime | None:
    """When the person may hide advice of ``urgency`` given at ``given_at``; None: at once."""
    return given_at + EMERGENCY_STAYS if urgency == "emergency" else None


def day_words(day: datetime.date, *, today: datetime.date) -> str:
    """ "14 November", with the year when it is not this year's."""
    words = f"{day.day} {_MONTHS[day.month - 1]}"
    return words if day.year == today.year else f"{words} {day.year}"


def noted_words(reason: str) -> str:
    """What the person noted, from the flag's reason: "This entry records numbness together with
    dizziness." gives "numbness together with dizziness"; a reason about several days ("Spasms on
    3 of the 14 days ...") is kept, starting in lower case."""
    text = reason.strip().removesuffix(".")
    if text.startswith(_RECORDS):
        return text.removeprefix(_RECORDS)
    return text[:1].lower() + text[1:]


def past_advice(*, day: datetime.date, today: datetime.date, urgency: str, reason: str) -> str:
    """The advice about an entry of ``day`` as it reads on a later day."""
    return f"On {day_words(day, today=today)} you noted {noted_words(reason)}; {_ADVISED[urgency]}"
