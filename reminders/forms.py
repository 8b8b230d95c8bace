"""The reminder settings form: on or off, and the time on the person's own clock."""

import datetime

from django import forms

# Every half hour: a round runs every few minutes, so any of these is kept within minutes, and the
# last one leaves the round time to run before midnight ends the day.
TIME_CHOICES = [
    (f"{hour:02d}:{minute:02d}", f"{hour:02d}:{minute:02d}") for hour in range(24) for minute in (0, 30)
]


class ReminderForm(forms.Form):
    enabled = forms.BooleanField(
        label="Send me a daily e-mail reminder",
        required=False,
        help_text="Not on a day you have already written an entry. The e-mail holds no health data.",
    )
    at = forms.TypedChoiceField(
        label="At",
        choices=TIME_CHOICES,
        coerce=lambda value: datetime.time.fromisoformat(value),
        help_text="Your own time, in the time zone of your profile. It comes within a few minutes.",
    )

    def __init__(self, *args, plan, **kwargs):
        kwargs.setdefault("initial", {"enabled": plan.enabled, "at": plan.at.strftime("%H:%M")})
        super().__init__(*args, **kwargs)
