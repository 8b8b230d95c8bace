"""The small forms of the person's pages that combine apps: the insights' period and region, the
days of the insights' data, and the answer to a piece of advice."""

import re

from django import forms

from journal.vocabulary import Region
from triage.models import AdviceResponse

DEFAULT_DAYS = 30
MAX_DAYS = 3660  # ten years; "all" goes further
PERIODS = [("30", "30 days"), ("90", "90 days"), ("365", "365 days"), ("all", "All")]
ALL = "all"


def days_of(value: str) -> int | None:
    """The number of days of a period ("30", or "all": None)."""
    return None if value == ALL else int(value)


class InsightsForm(forms.Form):
    """The insights page's choices, read from the query string (a GET form, no JavaScript)."""

    days = forms.ChoiceField(label="Period", choices=PERIODS, required=False, widget=forms.RadioSelect)
    region = forms.ChoiceField(
        label="Pain over time for", choices=[("", "The whole back"), *Region.choices], required=False
    )

    def clean_days(self):
        return days_of(self.cleaned_data["days"] or str(DEFAULT_DAYS))


class InsightsDataForm(forms.Form):
    """``days=N`` (the N days ending today) or ``days=all``; 30 when left out."""

    days = forms.CharField(required=False, strip=False)

    def clean_days(self):
        value = self.cleaned_data["days"]
        if value in ("", None):
            return DEFAULT_DAYS
        if value == ALL:
            return None
        # ASCII digits only: int() would also read other scripts' digits and surrounding spaces.
        if not re.fullmatch(r"[0-9]{1,6}", value, flags=re.ASCII) or not 1 <= int(value) <= MAX_DAYS:
            raise forms.ValidationError(f"days must be a whole number from 1 to {MAX_DAYS}, or all.")
        return int(value)


class AdviceAnswerForm(forms.Form):
    """The dashboard's answer to one piece of advice: the flags it stands for and the answer."""

    flags = forms.Field(widget=forms.MultipleHiddenInput)
    response = forms.ChoiceField(choices=AdviceResponse.choices)

    def clean_flags(self):
        # Any of the person's flag numbers; the service keeps only their own open flags.
        values = self.cleaned_data["flags"] or []
        if not 1 <= len(values) <= 100 or not all(re.fullmatch(r"[0-9]{1,18}", value) for value in values):
            raise forms.ValidationError("This advice could not be read; please reload the page.")
        return [int(value) for value in values]
