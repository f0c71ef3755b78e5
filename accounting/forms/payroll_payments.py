"""The form of marking a payroll run paid: its shape only (the service checks the rules)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounting.forms.pay import DATE_INPUT


class PayrollRunPaidForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE_INPUT)
