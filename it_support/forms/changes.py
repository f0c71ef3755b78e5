from django import forms
from django.utils.translation import gettext_lazy as _

from it_support.models.changes import ChangeRequest


class ChangeRequestForm(forms.ModelForm):
    class Meta:
        model = ChangeRequest
        fields = [
            "title",
            "system",
            "equipment",
            "description",
            "reason",
            "metric",
            "baseline",
            "target",
            "risk",
            "risk_notes",
            "rollback_plan",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ["description", "reason", "risk_notes", "rollback_plan"]
        }


class ChangeScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=_("When"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class ChangeReviewForm(forms.Form):
    outcome = forms.DecimalField(label=_("Measured outcome"), max_digits=14, decimal_places=2)
    notes = forms.CharField(
        label=_("Review notes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )


class ChangeRejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
