"""The staff review's forms: the queue's filters and the actions on one entry's review."""

import re

from django import forms

from review.models import OUTCOMES_OFFERED, Outcome
from triage.models import RULE_TITLES
from triage.rules import Urgency

_ENTRY_VERSION = re.compile(r"(\d{1,18}):(\d{1,9})", re.ASCII)

CASES = ""  # the queue's default view: one row per person
ENTRIES = "entries"  # one row per entry


class ReviewQueueFilterForm(forms.Form):
    """The queue's filters, read from the query string: codes, dates and a username, never
    anything a person wrote."""

    STATUS_CHOICES = [
        ("", "To do (open or claimed)"),
        ("open", "Open"),
        ("claimed", "Claimed"),
        ("resolved", "Resolved"),
        ("withdrawn", "Withdrawn (every flag withdrawn)"),
        ("all", "All"),
    ]

    show = forms.ChoiceField(
        choices=[(CASES, "Cases: one row per person"), (ENTRIES, "Single entries")],
        required=False,
        label="Show",
    )
    urgency = forms.ChoiceField(
        choices=[("", "Any urgency"), *[(code, code.capitalize()) for code in Urgency.values]],
        required=False,
        label="Highest urgency",
    )
    rule = forms.ChoiceField(required=False)
    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False)
    date_from = forms.DateField(
        required=False, label="Entries from", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(required=False, label="until", widget=forms.DateInput(attrs={"type": "date"}))
    person = forms.CharField(required=False, max_length=150, label="Person (username)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = [
            ("", "Any rule"),
            *sorted(((code, title) for code, title in RULE_TITLES.items()), key=lambda choice: choice[1]),
        ]


class ReviewVersionForm(forms.Form):
    """Every review action carries the version of the review the reviewer was looking at."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class ReviewNoteForm(ReviewVersionForm):
    note = forms.CharField(
        label="Internal note",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only reviewers read internal notes; the person never sees them.",
    )


# What each outcome says about the advice, next to its name where the reviewer chooses.
_OUTCOME_MEANING: dict[str, str] = {
    Outcome.NEEDED_CARE: "the advice was right; the person should see a doctor",
    Outcome.UNDER_CARE: "the advice was right; a doctor already looks after it",
    Outcome.NOT_NEEDED: "the advice was not warranted",
    Outcome.NOT_REACHED: "whether the advice was right stays open",
}
OUTCOME_CHOICES = [(code, f"{label} ({_OUTCOME_MEANING[code]})") for code, label in OUTCOMES_OFFERED]


class ReviewResolveFields(forms.Form):
    outcome = forms.ChoiceField(choices=OUTCOME_CHOICES, widget=forms.RadioSelect)
    message = forms.CharField(
        label="Message to the person (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown to the person on this entry's page. Leave empty to send nothing.",
    )


class ReviewResolveForm(ReviewVersionForm, ReviewResolveFields):
    pass


class EntryVersionsField(forms.Field):
    """The entries ticked on a case page, each sent as "<entry id>:<version read>"; cleaned to a
    dict of entry id to version, in the order sent."""

    widget = forms.MultipleHiddenInput  # the case page draws the boxes in its table rows
    default_error_messages = {
        "required": "Choose at least one entry.",
        "invalid": "The chosen entries could not be read: reload the page and choose again.",
        "too_many": "Choose at most %(most)d entries at once.",
    }
    MOST = 100  # twice a case page

    def to_python(self, value: object) -> dict[int, int]:
        tokens = value if isinstance(value, list | tuple) else [value] if value else []
        if len(tokens) > self.MOST:
            raise forms.ValidationError(
                self.error_messages["too_many"], code="too_many", params={"most": self.MOST}
            )
        chosen: dict[int, int] = {}
        for token in tokens:
            match = _ENTRY_VERSION.fullmatch(str(token))
            if match is None:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            chosen[int(match[1])] = int(match[2])
        return chosen


class ReviewBulkResolveForm(ReviewResolveFields):
    """Resolve several entries of one person with one outcome and one message."""

    entries = EntryVersionsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "message"
        ].help_text = (
            "Shown to the person on the page of each entry you resolve. Leave empty to send nothing."
        )

    def chosen(self) -> dict[int, int]:
        """The entries sent, readable even when another field was refused (to keep them ticked)."""
        field = self.fields["entries"]
        assert isinstance(field, EntryVersionsField)
        try:
            return field.to_python(self["entries"].data)
        except forms.ValidationError:
            return {}


class ReviewReopenForm(ReviewVersionForm):
    note = forms.CharField(
        label="Why reopen (internal, optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
