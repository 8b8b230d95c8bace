"""The staff review's forms: the queue's filters and the actions on one entry's review."""

from django import forms

from review.models import Outcome
from triage.models import RULE_TITLES
from triage.rules import Urgency


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


class ReviewResolveForm(ReviewVersionForm):
    outcome = forms.ChoiceField(choices=Outcome.choices, widget=forms.RadioSelect)
    message = forms.CharField(
        label="Message to the person (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown to the person on this entry's page. Leave empty to send nothing.",
    )


class ReviewReopenForm(ReviewVersionForm):
    note = forms.CharField(
        label="Why reopen (internal, optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
