from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backoffice import roles
from it_support.forms.inventory import DATE
from it_support.models.maintenance import MaintenancePlan


class MaintenancePlanForm(forms.ModelForm):
    class Meta:
        model = MaintenancePlan
        fields = [
            "title",
            "system",
            "equipment",
            "frequency",
            "owner",
            "next_due_on",
            "instructions",
            "active",
        ]
        widgets = {"next_due_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            get_user_model().objects.filter(groups__name=roles.IT, is_active=True).distinct()
        )


class MaintenanceLogForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE, initial=timezone.localdate)
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
