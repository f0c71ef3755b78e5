from django import forms
from django.utils.translation import gettext_lazy as _

from clerical.models.phones import PhoneMessage, Presence
from hr.models.employees import Employee


def _current_staff():
    return Employee.objects.filter(status__in=Employee.CURRENT)


class StaffField(forms.ModelChoiceField):
    """A colleague picked with the typeahead: the id travels in a hidden input."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages", {"invalid_choice": _("Pick a colleague from the list.")}
        )
        super().__init__(queryset=_current_staff(), **kwargs)


class PresenceForm(forms.Form):
    status = forms.ChoiceField(label=_("Presence"), choices=Presence.Status.choices)
    until = forms.DateTimeField(
        label=_("Until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class CallLogForm(forms.Form):
    caller_employee = StaffField(label=_("Calling colleague"), required=False)
    caller_name = forms.CharField(label=_("Caller's name"), max_length=120, required=False)
    caller_number = forms.CharField(label=_("Caller's number"), max_length=40, required=False)
    for_employee = StaffField(
        label=_("For"), error_messages={"required": _("Say who the call is for.")}
    )
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    put_through = forms.BooleanField(label=_("Put through now"), required=False, initial=True)


class TransferForm(forms.Form):
    to = StaffField(label=_("Transfer to"), error_messages={"required": _("Pick a colleague.")})


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}))
    caller_number = forms.CharField(label=_("Number to call back"), max_length=40, required=False)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=PhoneMessage.Urgency.choices)
    call_back_by = forms.DateTimeField(
        label=_("Call back by"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
