from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.models.employees import Department
from hr.models.policies import Policy
from hr.validators import validate_pdf


class PolicyForm(forms.ModelForm):
    departments = forms.ModelMultipleChoiceField(
        label=_("Applies to departments"), queryset=Department.objects.all(), required=False
    )

    class Meta:
        model = Policy
        fields = ["title", "category", "applies_to_all", "departments"]


class PolicyVersionForm(forms.Form):
    effective_date = forms.DateField(
        label=_("Effective date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    file = forms.FileField(
        label=_("PDF file"),
        required=False,
        validators=[validate_pdf],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError(_("A version needs its text or a PDF file."))
        return data
