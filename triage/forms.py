"""The admin's form for a triage rule: one number field per named threshold, checked against the
ranges in triage.rules, instead of raw JSON an admin could mistype."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from triage import rules
from triage.models import TriageRule

# Every threshold name any rule has; the form keeps the ones the edited rule uses.
PARAM_NAMES = sorted({param.name for rule in rules.RULES for param in rule.params})


class TriageRuleForm(forms.ModelForm):
    min_pain = forms.IntegerField(required=True)
    min_days = forms.IntegerField(required=True)
    window_days = forms.IntegerField(required=True)

    class Meta:
        model = TriageRule
        fields = ["enabled", "urgency", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5, "cols": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        definition = rules.RULES_BY_CODE[self.instance.code]
        self.params = definition.params
        stored = self.instance.params or {}
        for name in PARAM_NAMES:
            if name in self.fields and all(param.name != name for param in self.params):
                del self.fields[name]
        for param in self.params:
            field = self.fields[param.name]
            field.min_value, field.max_value = param.minimum, param.maximum
            field.validators += [MinValueValidator(param.minimum), MaxValueValidator(param.maximum)]
            field.widget.attrs.update(min=param.minimum, max=param.maximum)
            field.help_text = f"{param.help} Shipped default: {param.default}."
            field.initial = stored.get(param.name, param.default)

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError("The person reads this message: it cannot be empty.")
        return message

    def clean(self):
        cleaned = super().clean()
        params = {param.name: cleaned.get(param.name) for param in self.params}
        # A field already refused shows its own error; the rules' check adds what ties fields together.
        if all(value is not None for value in params.values()):
            for error in rules.param_errors(self.instance.code, params):
                self.add_error(None, error)
            self.instance.params = params
        return cleaned
