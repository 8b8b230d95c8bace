"""The entry form, in sections, and the filter form of the entry list."""

import datetime

from crispy_forms.bootstrap import FormActions
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms

from journal.models import Entry
from journal.services import ENTRY_FIELDS
from journal.vocabulary import (
    COMMON_SYMPTOMS,
    INTENSITY_MAX,
    OTHER_RED_FLAG_SYMPTOMS,
    RED_FLAG_SYMPTOMS,
    RadiatesTo,
    Region,
    SelfHelp,
)

EARLIEST_DATE = datetime.date(1900, 1, 1)

INTENSITY_CHOICES = [
    (0, "0 (no pain)"),
    *((n, str(n)) for n in range(1, INTENSITY_MAX)),
    (INTENSITY_MAX, f"{INTENSITY_MAX} (worst imaginable)"),
]

RUNNING_DETAILS = ("running_surface", "warmed_up", "stretched_after", "shoes_fit")
# The values Django's NullBooleanSelect understands, with words for "not answered".
NOT_RECORDED_YES_NO = [("unknown", "Not recorded"), ("true", "Yes"), ("false", "No")]


def choices_of(members):
    return [(member.value, member.label) for member in members]


def grid(*fields):
    """Lay short fields side by side on wide screens, one under another on phones."""
    return Div(
        *(Div(name, css_class="col-sm-6 col-lg-4") for name in fields), css_class="row align-items-end"
    )


def intensity_field(region):
    return forms.TypedChoiceField(
        label=Region(region).label, choices=INTENSITY_CHOICES, coerce=int, initial=0
    )


def checkboxes(choices, label, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class EntryForm(forms.ModelForm):
    neck = intensity_field("neck")
    shoulders = intensity_field("shoulders")
    upper_back = intensity_field("upper_back")
    middle_back = intensity_field("middle_back")
    lower_back = intensity_field("lower_back")
    radiates_to = checkboxes(RadiatesTo.choices, "The pain spreads to")
    common_symptoms = checkboxes(choices_of(COMMON_SYMPTOMS), "Other symptoms today")
    red_flag_symptoms = checkboxes(
        choices_of(RED_FLAG_SYMPTOMS),
        "Do you have any of these?",
        "Please answer especially when you have numbness or pain that spreads: these need a doctor quickly.",
    )
    other_red_flag_symptoms = checkboxes(choices_of(OTHER_RED_FLAG_SYMPTOMS), "Any of these?")
    self_help = checkboxes(SelfHelp.choices, "Self-help tried")

    class Meta:
        model = Entry
        fields = [name for name in ENTRY_FIELDS if name not in ("symptoms",)]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "painkiller_names": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        labels = {"spasms": "Spasm episodes"}
        help_texts = {
            "time": "Optional: useful when you log more than once a day.",
            "spasms": "How many times your back went into spasm (0 for none).",
            "sitting_hours": "For example 7.5",
        }

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["date"].widget.attrs["max"] = today.isoformat()
        if not self.instance.pk:
            self.fields["date"].initial = today
        else:
            symptoms = set(self.instance.symptoms)
            for name, members in self._symptom_groups():
                self.initial[name] = [m.value for m in members if m.value in symptoms]
        for name in ("sitting_posture", "running_surface"):
            self.fields[name].choices = [("", "Not recorded"), *self.fields[name].choices[1:]]
        for name in RUNNING_DETAILS[1:]:
            self.fields[name].widget.choices = NOT_RECORDED_YES_NO
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset("When", grid("date", "time")),
            Fieldset(
                "Where it hurts",
                HTML('<p class="form-text">0 means no pain, 10 the worst pain you can imagine.</p>'),
                grid(*Region.values),
            ),
            Fieldset("Spasms and spreading pain", "spasms", "radiates_to"),
            Fieldset("Symptoms", "common_symptoms"),
            Fieldset(
                "Warning signs",
                "red_flag_symptoms",
                "other_red_flag_symptoms",
                css_id="red-flag-questions",
            ),
            Fieldset("Painkillers and self-help", "painkillers", "painkiller_names", "self_help"),
            Fieldset(
                "Habits of the day",
                grid("sitting_hours", "sitting_posture", "other_movement_minutes"),
                "shoulder_load",
                "shoulders_raised_cold",
                "strength_training",
            ),
            Fieldset("Running", grid("running_minutes", *RUNNING_DETAILS)),
            Fieldset("Anything else", "notes"),
            FormActions(
                Submit("submit", "Save entry"),
                HTML(
                    '<a class="btn btn-outline-secondary" href="{% if form.instance.pk %}'
                    '{{ form.instance.get_absolute_url }}{% else %}{% url "journal:dashboard" %}{% endif %}">'
                    "Cancel</a>"
                ),
            ),
        )

    @staticmethod
    def _symptom_groups():
        return (
            ("common_symptoms", COMMON_SYMPTOMS),
            ("red_flag_symptoms", RED_FLAG_SYMPTOMS),
            ("other_red_flag_symptoms", OTHER_RED_FLAG_SYMPTOMS),
        )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > self.today:
            raise forms.ValidationError("The date cannot be in the future.")
        if date < EARLIEST_DATE:
            raise forms.ValidationError("Please check the year of this date.")
        return date

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("painkiller_names") and not cleaned.get("painkillers"):
            self.add_error("painkillers", "You named painkillers: please tick this box too.")
        ran = cleaned.get("running_minutes")
        if not ran and any(cleaned.get(name) not in (None, "") for name in RUNNING_DETAILS):
            self.add_error("running_minutes", "You described a run: how many minutes was it?")
        return cleaned

    def _post_clean(self):
        # The services build and validate the entry; the form only checks what was typed.
        pass

    def entry_data(self):
        """The cleaned values in the shape the journal services take."""
        data = {name: value for name, value in self.cleaned_data.items() if name in ENTRY_FIELDS}
        data["symptoms"] = [code for name, _ in self._symptom_groups() for code in self.cleaned_data[name]]
        return data


class EntryFilterForm(forms.Form):
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    region = forms.ChoiceField(
        label="Hurting in", required=False, choices=[("", "Any region"), *Region.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "row g-2 align-items-end"
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Div("date_from", css_class="col-6 col-md-3"),
            Div("date_to", css_class="col-6 col-md-3"),
            Div("region", css_class="col-12 col-md-3"),
            Div(Submit("filter", "Filter", css_class="mb-3"), css_class="col-12 col-md-3"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned
