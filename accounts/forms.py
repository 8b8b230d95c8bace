"""Forms for signing up, consenting and the profile."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.contrib.auth.forms import UserCreationForm

from accounts.models import User

CONSENT_LABEL = "I agree that this site stores my journal entries as described above."


class SignupForm(UserCreationForm):
    email = forms.EmailField(help_text="Used only to reset a forgotten password.")
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        required=False,
        help_text="Needed before you can write journal entries; you can also give it later.",
    )

    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]
        model = User
        fields = ("username", "email", "hemisphere", "time_zone")
        help_texts = {
            "hemisphere": "Used to work out the season of each entry.",
            "time_zone": "Used to know which day is today for you.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].widget.attrs["data-detect-time-zone"] = "true"
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset("Your account", "username", "email", "password1", "password2"),
            Fieldset("Where you are", "hemisphere", "time_zone"),
            Fieldset("Consent to store health data", "consent"),
            Submit("submit", "Create account"),
        )


class ConsentForm(forms.Form):
    consent = forms.BooleanField(label=CONSENT_LABEL)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Give consent"))


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("hemisphere", "time_zone")
        help_texts = SignupForm.Meta.help_texts

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Save profile"))


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To make sure it is you.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
