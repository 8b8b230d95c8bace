"""The entry form (0-10 strips under a body map, folding sections, the medicines taken), the
medication form, and the filter form of the entry list."""

import datetime
from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from journal.body_map import DRAWINGS
from journal.models import DOSE_MAX, Entry, Medication
from journal.services import ENTRY_FIELDS
from journal.vocabulary import (
    COMMON_SYMPTOMS,
    INTENSITY_MAX,
    INTENSITY_MIN,
    OTHER_RED_FLAG_SYMPTOMS,
    RED_FLAG_SYMPTOMS,
    REGION_SHORT_LABELS,
    RadiatesTo,
    Region,
    SelfHelp,
)

EARLIEST_DATE = datetime.date(1900, 1, 1)
SCALE = range(INTENSITY_MIN, INTENSITY_MAX + 1)
RELIEF_CHOICES = [("", "Not rated yet"), *((n, f"{n} of {INTENSITY_MAX}") for n in SCALE)]

RUNNING_DETAILS = ("running_surface", "warmed_up", "stretched_after", "shoes_fit")
# The values Django's NullBooleanSelect understands, with words for "not answered".
NOT_RECORDED_YES_NO = [("unknown", "Not recorded"), ("true", "Yes"), ("false", "No")]
# Bound values that hold nothing, whatever the field.
NOTHING: tuple[object, ...] = (None, "", [], ())
MAX_INTAKES = 20


@dataclass(frozen=True)
class Section:
    """A folding part of the entry form (a <details>), open by itself when it holds data or an error."""

    key: str
    title: str
    fields: tuple[str, ...]


SECTIONS = (
    Section("spreading", "Spasms and spreading pain", ("spasms", "radiates_to")),
    Section("symptoms", "Symptoms", ("common_symptoms", "other_red_flag_symptoms")),
    Section("medication", "Medication and self-help", ("painkillers", "self_help")),
    Section(
        "habits",
        "Habits of the day",
        (
            "sitting_hours",
            "sitting_posture",
            "other_movement_minutes",
            "shoulder_load",
            "shoulders_raised_cold",
            "strength_training",
        ),
    ),  # fmt: skip
    Section("running", "I ran today", ("running_minutes", *RUNNING_DETAILS)),
    Section("notes", "Notes", ("notes",)),
)


def choices_of(members):
    return [(member.value, member.label) for member in members]


def with_limits(model_field, **kwargs):
    """The form field of a model field; a number carries the model's range, so one submit reports
    a range error together with every other problem, and the input says its min and max."""
    if isinstance(model_field, models.IntegerField | models.DecimalField):
        for validator in model_field.validators:  # the model's own come before the database's
            if isinstance(validator, MinValueValidator):
                kwargs.setdefault("min_value", validator.limit_value)
            elif isinstance(validator, MaxValueValidator):
                kwargs.setdefault("max_value", validator.limit_value)
    return model_field.formfield(**kwargs)


def intensity_field(region):
    return forms.TypedChoiceField(
        label=Region(region).label,
        choices=[(n, str(n)) for n in SCALE],
        coerce=int,
        initial=0,
        widget=forms.RadioSelect(attrs={"class": "btn-check", "autocomplete": "off"}),
    )


def checkboxes(choices, label, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


def anchor(bound_field):
    """Where the error summary's link for a field points: a group of options is reached at its first."""
    if isinstance(bound_field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


@dataclass(frozen=True)
class Problem:
    """One line of the error summary: where it is, what it is called, what is wrong."""

    anchor: str
    label: str
    message: str


class IntakeForm(forms.Form):
    """One medicine taken: which (from the person's list), dose, time, and how much it helped."""

    medication = forms.TypedChoiceField(label="Which", coerce=int, empty_value=None, required=False)
    dose = forms.CharField(
        label="Dose", max_length=DOSE_MAX, required=False, help_text="Left empty: your usual dose."
    )
    time = forms.TimeField(
        label="Time taken",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    relief = forms.TypedChoiceField(
        label="How much it helped",
        choices=RELIEF_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="0 not at all, 10 completely. You can add it later.",
    )

    def __init__(self, *args, medications, **kwargs):
        super().__init__(*args, **kwargs)
        self.medications = {medication.pk: medication for medication in medications}
        # An intake written before its medication left the list (or before there was a list)
        # keeps the name it was recorded with; choosing nothing keeps it.
        self.recorded_name = "" if self.initial.get("medication") else self.initial.get("name", "")
        nothing = f"{self.recorded_name} (as recorded)" if self.recorded_name else "Choose a medication"
        self.fields["medication"].choices = [
            ("", nothing),
            *((pk, str(medication)) for pk, medication in self.medications.items()),
        ]

    def clean(self):
        cleaned = super().clean()
        medication = self.medications.get(cleaned.get("medication"))
        chosen_anew = medication is not None and medication.pk != self.initial.get("medication")
        if medication is None and not self.recorded_name:
            self.add_error("medication", "Which medication did you take?")
            return cleaned
        if medication is None:
            cleaned["name"] = self.recorded_name
        elif chosen_anew:
            cleaned["name"] = medication.name
            cleaned["dose"] = cleaned.get("dose") or medication.dose
        else:  # the list's name may have changed since: the intake says what was taken then
            cleaned["name"] = self.initial["name"]
        cleaned["medication"] = medication
        return cleaned

    def intake(self):
        """The intake in the shape journal.services takes, or None for an unused or removed row."""
        cleaned = getattr(self, "cleaned_data", {})
        if not cleaned.get("name") or cleaned.get("DELETE"):
            return None
        return {name: cleaned.get(name) for name in ("medication", "name", "dose", "time", "relief")}


class BaseIntakeFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this intake"

    def intakes(self):
        return [intake for form in self.forms if (intake := form.intake()) is not None]

    def holds_data(self):
        return any(form.intake() or form.has_changed() or form.errors for form in self.forms)


IntakeFormSet = forms.formset_factory(
    IntakeForm,
    formset=BaseIntakeFormSet,
    extra=2,  # without JavaScript, two at a time; the page's script adds one per tap
    can_delete=True,
    can_delete_extra=False,
    max_num=MAX_INTAKES,
    validate_max=True,
)


class EntryForm(forms.ModelForm):
    neck = intensity_field("neck")
    shoulders = intensity_field("shoulders")
    upper_back = intensity_field("upper_back")
    middle_back = intensity_field("middle_back")
    lower_back = intensity_field("lower_back")
    radiates_to = checkboxes(RadiatesTo.choices, "The pain spreads to")
    common_symptoms = checkboxes(choices_of(COMMON_SYMPTOMS), "Symptoms today")
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
        formfield_callback = with_limits
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"spasms": "Spasm episodes", "painkillers": "I took painkillers"}
        help_texts = {
            "time": "Optional: useful when you log more than once a day.",
            "spasms": "How many times your back went into spasm (0 for none).",
            "sitting_hours": "For example 7.5",
            "painkillers": "Ticked for you when you record a medication; tick it alone if you are not "
            "sure which it was.",
        }

    def __init__(self, data=None, *, today, medications=(), **kwargs):
        super().__init__(data, **kwargs)
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
        recorded = self.instance.intakes.all() if self.instance.pk else ()
        self.medications = list(medications)
        self.intakes = IntakeFormSet(
            data,
            prefix="intakes",
            initial=[
                {field: getattr(intake, field) for field in ("name", "dose", "time", "relief")}
                | {"medication": intake.medication_id}
                for intake in recorded
            ],
            form_kwargs={"medications": self.medications},
        )
        if not self.medications:
            self.intakes.extra = 0  # nothing to choose from: no empty rows

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
        ran = cleaned.get("running_minutes")
        if not ran and any(cleaned.get(name) not in (None, "") for name in RUNNING_DETAILS):
            self.add_error("running_minutes", "You described a run: how many minutes was it?")
        return cleaned

    def _post_clean(self):
        # The services build and validate the entry; the form only checks what was typed.
        pass

    def is_valid(self):
        # Both, always: one submit reports the problems of the entry and of its intakes together.
        entry_valid = super().is_valid()
        return self.intakes.is_valid() and entry_valid

    def entry_data(self):
        """The cleaned values in the shape the journal services take."""
        data = {name: value for name, value in self.cleaned_data.items() if name in ENTRY_FIELDS}
        data["symptoms"] = [code for name, _ in self._symptom_groups() for code in self.cleaned_data[name]]
        data["medications"] = self.intakes.intakes()
        return data

    # What the page needs to lay the form out.

    def body_map(self):
        """The regions of the body map, each with its short name, its drawing and its strip."""
        return [
            {
                "code": code,
                "name": REGION_SHORT_LABELS[Region(code)],
                "drawing": DRAWINGS[code],
                "field": self[code],
            }
            for code in Region.values
        ]

    def _holds_data(self, name):
        bound = self[name]
        if bound.errors:
            return True
        try:
            value = bound.field.to_python(bound.value())
        except forms.ValidationError:
            return True
        try:
            default = Entry._meta.get_field(name).get_default()
        except FieldDoesNotExist:
            default = None
        return value not in NOTHING and value != default

    def sections(self):
        """The folding sections with their fields; each open by itself when it holds data or an error."""
        sections = []
        for section in SECTIONS:
            opened = any(map(self._holds_data, section.fields))
            if section.key == "medication":
                opened = opened or self.intakes.holds_data()
            fields = [self[name] for name in section.fields]
            sections.append({"key": section.key, "title": section.title, "open": opened, "fields": fields})
        return sections

    def problems(self):
        """Every problem of one submit, for the summary above the form, in the order of the page."""
        problems = [Problem("", "", message) for message in self.non_field_errors()]
        problems += [Problem(anchor(field), field.label, field.errors[0]) for field in self if field.errors]
        for number, row in enumerate(self.intakes.forms, start=1):
            problems += [
                Problem(anchor(field), f"Medication {number}, {field.label.lower()}", field.errors[0])
                for field in row
                if field.errors
            ]
        problems += [Problem("intakes", "Medication", message) for message in self.intakes.non_form_errors()]
        return problems


class MedicationForm(forms.ModelForm):
    class Meta:
        model = Medication
        fields = ["name", "dose"]
        labels = {"name": "Name"}
        help_texts = {"dose": "For example 400 mg or 2 tablets: filled in for you each time you take it."}
        widgets = {"name": forms.TextInput(attrs={"autocomplete": "off"})}

    def _post_clean(self):
        # The services validate (a name once on the person's list) and report beside the name.
        pass


class ReliefForm(forms.Form):
    relief = forms.TypedChoiceField(
        label="How much did it help?", choices=[(n, str(n)) for n in SCALE], coerce=int
    )


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
