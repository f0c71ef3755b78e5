"""Forms of payroll runs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounting.forms.pay import DATE_INPUT, MonthField
from accounting.models.payroll_rules import PayrollRuleSet
from hr.models.employees import Employee


class PayrollRunForm(forms.Form):
    month = MonthField(label=_("Month"))
    pay_date = forms.DateField(label=_("Pay date"), widget=DATE_INPUT)
    rule_set = forms.ModelChoiceField(
        label=_("Rule set"), queryset=PayrollRuleSet.objects.order_by("code")
    )


class PayrollCorrectionForm(forms.Form):
    """Who an off-cycle run corrects, by employee number (one run may hold thousands
    of people, too many for a list to pick from)."""

    employee_numbers = forms.CharField(
        label=_("Employee numbers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Separated by commas, spaces or new lines."),
    )
    pay_date = forms.DateField(label=_("Pay date"), widget=DATE_INPUT)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def clean_employee_numbers(self):
        numbers = sorted(set(self.cleaned_data["employee_numbers"].replace(",", " ").split()))
        if len(numbers) > 1000:
            raise forms.ValidationError(_("At most 1,000 employees in one correction."))
        found = Employee.objects.filter(employee_number__in=numbers)
        unknown = sorted(set(numbers) - set(found.values_list("employee_number", flat=True)))
        if unknown:
            raise forms.ValidationError(
                _("No employee has the number %(numbers)s.") % {"numbers": ", ".join(unknown)}
            )
        return list(found)
