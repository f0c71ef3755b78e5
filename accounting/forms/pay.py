"""Forms of the payroll inputs: they check shape; the services check the rules."""

from datetime import date, timedelta
from decimal import Decimal

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounting.models.pay import PayItem, PayProfile, TimesheetDay
from backoffice.validators import compact_iban, validate_iban
from hr.models.employees import Department, Employee

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONTH_FORMATS = ["%Y-%m"]
MONTH_INPUT = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
HOURS_FIELD = {
    "max_digits": 4,
    "decimal_places": 2,
    "min_value": Decimal("0"),
    "max_value": Decimal("24"),
    "required": False,
}


class MonthField(forms.DateField):
    widget = MONTH_INPUT

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", MONTH_FORMATS)
        super().__init__(**kwargs)


class MonthForm(forms.Form):
    month = MonthField(label=_("Month"))


class PayProfileForm(forms.Form):
    effective_from = forms.DateField(label=_("Effective from"), widget=DATE_INPUT)
    pay_type = forms.ChoiceField(label=_("Pay type"), choices=PayProfile.PayType.choices)
    monthly_salary = forms.DecimalField(
        label=_("Monthly gross salary"),
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
    )
    hourly_rate = forms.DecimalField(
        label=_("Hourly gross rate"),
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
    )
    normal_hours_per_day = forms.DecimalField(
        label=_("Normal hours per day"),
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.50"),
        max_value=Decimal("12"),
        initial=Decimal("8.00"),
    )
    iban = forms.CharField(label=_("IBAN"), max_length=42)
    dependants = forms.IntegerField(label=_("Dependants"), min_value=0, max_value=20, initial=0)
    tax_exempt = forms.BooleanField(label=_("Exempt from income tax"), required=False)
    young_employee_deduction = forms.BooleanField(label=_("Under-26 deduction"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))

    def clean_iban(self):
        iban = compact_iban(self.cleaned_data["iban"])
        validate_iban(iban)
        return iban

    def clean(self):
        data = super().clean()
        salary, rate = data.get("monthly_salary"), data.get("hourly_rate")
        if salary is not None and rate is not None:
            raise forms.ValidationError(
                _("Give either a monthly salary or an hourly rate, not both.")
            )
        if data.get("pay_type") == PayProfile.PayType.MONTHLY and salary is None:
            self.add_error("monthly_salary", _("A monthly pay profile needs a monthly salary."))
        if data.get("pay_type") == PayProfile.PayType.HOURLY and rate is None:
            self.add_error("hourly_rate", _("An hourly pay profile needs an hourly rate."))
        return data


class PayItemForm(forms.Form):
    employee = forms.ModelChoiceField(
        label=_("Employee"), queryset=Employee.objects.filter(status__in=Employee.CURRENT)
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=PayItem.Kind.choices)
    code = forms.ChoiceField(label=_("Code"), choices=PayItem.Code.choices)
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=14, decimal_places=2, min_value=Decimal("0.01")
    )
    recurring = forms.BooleanField(label=_("Every month"), required=False)
    month = MonthField(label=_("Month (or first month)"))
    end_month = MonthField(label=_("Last month (recurring only)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("end_month") and not data.get("recurring"):
            self.add_error("end_month", _("Only a recurring item has a last month."))
        return data


class PayProfileFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or number"), method="search")
    pay_type = django_filters.ChoiceFilter(label=_("Pay type"), choices=PayProfile.PayType.choices)
    department = django_filters.ModelChoiceFilter(
        label=_("Department"),
        field_name="employee__department",
        queryset=Department.objects.all(),
    )

    class Meta:
        model = PayProfile
        fields = ["q", "pay_type", "department"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(employee__first_name__icontains=value)
            | Q(employee__last_name__icontains=value)
            | Q(employee__employee_number__icontains=value)
        )


class PayItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or number"), method="search")
    code = django_filters.ChoiceFilter(label=_("Code"), choices=PayItem.Code.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PayItem.Kind.choices)

    class Meta:
        model = PayItem
        fields = ["q", "code", "kind"]

    def search(self, queryset, name, value):
        return PayProfileFilter.search(self, queryset, name, value)


class TimesheetReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What to fix"), widget=forms.Textarea({"rows": 2}), max_length=2000
    )


class TimesheetGridForm(forms.Form):
    """One row per day of the month, one field per kind of hours."""

    def __init__(self, *args, first: date, last: date, initial_days: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.dates = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        for day in self.dates:
            values = initial_days.get(day, {})
            for kind in TimesheetDay.KINDS:
                field = forms.DecimalField(**HOURS_FIELD, label=f"{day} {kind}")
                field.initial = values.get(kind)
                field.widget.attrs.update({"class": "form-control form-control-sm", "step": "0.5"})
                self.fields[self.field_name(day, kind)] = field

    @staticmethod
    def field_name(day: date, kind: str) -> str:
        return f"d{day:%d}_{kind}"

    def rows(self):
        for day in self.dates:
            yield day, [self[self.field_name(day, kind)] for kind in TimesheetDay.KINDS]

    def days(self) -> list[dict]:
        return [
            {"date": day}
            | {
                kind: self.cleaned_data.get(self.field_name(day, kind)) or Decimal("0")
                for kind in TimesheetDay.KINDS
            }
            for day in self.dates
        ]
