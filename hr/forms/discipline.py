from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.models.discipline import Incident, Termination, Warning
from hr.models.employees import Employee

DATE = forms.DateInput(attrs={"type": "date"})


class IncidentForm(forms.Form):
    occurred_on = forms.DateField(label=_("Date"), initial=timezone.localdate, widget=DATE)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}))
    reported_by = forms.ModelChoiceField(
        label=_("Reported by"), queryset=Employee.objects.none(), required=False
    )

    def __init__(self, *args, employee: Employee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reported_by"].queryset = (
            Employee.objects.filter(status__in=Employee.CURRENT)
            .exclude(pk=employee.pk)
            .only("first_name", "last_name")
        )


class WarningForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=Warning.Level.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    expected_change = forms.CharField(
        label=_("Expected change"), widget=forms.Textarea(attrs={"rows": 3})
    )
    issued_on = forms.DateField(label=_("Issue date"), initial=timezone.localdate, widget=DATE)
    expires_on = forms.DateField(label=_("Expiry date"), widget=DATE)
    incidents = forms.ModelMultipleChoiceField(
        label=_("Incidents"),
        queryset=Incident.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    shared_with_manager = forms.BooleanField(
        label=_("Let the manager know (level and dates only)"), required=False
    )

    def __init__(self, *args, employee: Employee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["incidents"].queryset = Incident.objects.filter(employee=employee)
        self.fields["incidents"].label_from_instance = lambda i: (
            f"{i.occurred_on}: {i.description[:80]}"
        )


class DismissalCaseForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))
    last_day = forms.DateField(label=_("Last working day"), widget=DATE)


class TerminationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of departure"),
        choices=[c for c in Termination.Kind.choices if c[0] != Termination.Kind.DISMISSAL],
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    last_day = forms.DateField(label=_("Last working day"), widget=DATE)
