"""Leave forms: they check the shape; the services check the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hr.models.employees import Department, Employee
from hr.models.leave import LeaveCalendarFeed, LeaveRequest, LeaveType

DATE = forms.DateInput(attrs={"type": "date"})


class LeaveRequestForm(forms.Form):
    leave_type = forms.ModelChoiceField(
        label=_("Type"), queryset=LeaveType.objects.filter(is_active=True)
    )
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)
    half = forms.ChoiceField(label=_("Half day"), choices=LeaveRequest.Half.choices, required=False)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The leave cannot end before it starts."))
        return data


class LeaveRecordForm(LeaveRequestForm):
    """HR records leave for anyone, including staff without a login."""

    employee = forms.ModelChoiceField(
        label=_("Employee"),
        queryset=Employee.objects.filter(status__in=Employee.CURRENT).order_by(
            "last_name", "first_name"
        ),
    )
    field_order = ["employee"]


class LeaveDecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LeaveCutShortForm(forms.Form):
    new_end = forms.DateField(label=_("New last day"), widget=DATE)
    comment = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))


class TeamCalendarForm(forms.Form):
    month = forms.DateField(label=_("Month"), required=False, widget=DATE)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.all(), required=False
    )


class StaffingForm(forms.Form):
    minimum_present = forms.IntegerField(label=_("Minimum present"), min_value=0, max_value=1000)


class FeedForm(forms.Form):
    scope = forms.ChoiceField(label=_("Calendar"), choices=LeaveCalendarFeed.Scope.choices)


class LeaveAdjustForm(forms.Form):
    leave_type = forms.ModelChoiceField(
        label=_("Type"), queryset=LeaveType.objects.filter(has_balance=True)
    )
    days = forms.DecimalField(label=_("Days (+ or -)"), max_digits=7, decimal_places=2)
    reason = forms.CharField(label=_("Reason"), max_length=300)
