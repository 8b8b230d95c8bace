"""Forms for signing in and up (on django-allauth's), consenting, the profile and deleting the account."""

from allauth.account import forms as allauth_forms
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.core.validators import MaxLengthValidator

from accounts.models import User
from accounts.time_zones import time_zone_field

CONSENT_LABEL = "I agree that this site stores my journal entries as described above."
# An e-mail address has at most 254 characters; anything longer is refused before the password is
# checked, so no lockout record is ever asked to hold it.
LOGIN_MAX_LENGTH = 254
WHERE_HELP = {
    "hemisphere": "Used to work out the season of each entry.",
    "time_zone": "Used to know which day is today for you.",
}


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = "Username or e-mail address"
        login.max_length = LOGIN_MAX_LENGTH
        login.validators.append(MaxLengthValidator(LOGIN_MAX_LENGTH))
        login.widget.attrs.update(maxlength=str(LOGIN_MAX_LENGTH), autocomplete="username")
        login.widget.attrs.pop("placeholder", None)
        self.fields["password"].widget.attrs.pop("placeholder", None)


class SignupForm(allauth_forms.SignupForm):
    """allauth's sign-up (e-mail address, password twice) with where the person lives and the consent.
    There is no username to choose: a taken one would tell that an account exists."""

    # The model's own fields, so their choices stay defined in one place (accounts.models).
    hemisphere = User._meta.get_field("hemisphere").formfield(help_text=WHERE_HELP["hemisphere"])
    time_zone = User._meta.get_field("time_zone").formfield(help_text=WHERE_HELP["time_zone"])
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        required=False,
        help_text="Needed before you can write journal entries; you can also give it later.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mail address"
        self.fields["email"].help_text = "We send a link to it: your journal opens once you follow it."
        for name in ("email", "password1", "password2"):
            self.fields[name].widget.attrs.pop("placeholder", None)
        self.fields["password2"].label = "Password again"
        self.fields["time_zone"] = time_zone_field(help_text=self.fields["time_zone"].help_text)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset("Your account", "email", "password1", "password2"),
            Fieldset("Where you are", "hemisphere", "time_zone"),
            Fieldset("Consent to store health data", "consent"),
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
        help_texts = WHERE_HELP

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = time_zone_field(
            current=self.instance.time_zone, help_text=self.fields["time_zone"].help_text
        )
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
