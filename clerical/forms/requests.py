from django import forms
from django.utils.translation import gettext_lazy as _

from clerical.models.requests import OfficeRequest


class OfficeRequestForm(forms.ModelForm):
    class Meta:
        model = OfficeRequest
        fields = ["kind", "description", "quantity", "needed_by"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "needed_by": forms.DateInput(attrs={"type": "date"}),
        }


class OfficeRequestDoneForm(forms.Form):
    note = forms.CharField(label=_("Note for the requester"), max_length=300, required=False)
