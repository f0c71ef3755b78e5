"""Forms of payroll runs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounting.forms.pay import DATE_INPUT, MonthField
from accounting.models import PayrollRuleSet


class PayrollRunForm(forms.Form):
    month = MonthField(label=_("Month"))
    pay_date = forms.DateField(label=_("Pay date"), widget=DATE_INPUT)
    rule_set = forms.ModelChoiceField(
        label=_("Rule set"), queryset=PayrollRuleSet.objects.order_by("code")
    )
