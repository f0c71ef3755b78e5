from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backoffice.validators import compact_iban
from hr.models.employees import Department, Employee, EmployeePersonal, Position


class EmployeePersonalForm(forms.ModelForm):
    class Meta:
        model = EmployeePersonal
        fields = [
            "birth_date",
            "national_id",
            "home_address",
            "personal_phone",
            "personal_email",
            "emergency_contact_name",
            "emergency_contact_phone",
            "iban",
        ]
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}),
            "home_address": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_national_id(self):
        return self.cleaned_data["national_id"].strip()

    def clean_iban(self):
        return compact_iban(self.cleaned_data["iban"])


class PositionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.department.name})"


class EmployeeChangeForm(forms.Form):
    effective_date = forms.DateField(
        label=_("Effective date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.all())
    position = PositionChoiceField(
        label=_("Position"), queryset=Position.objects.select_related("department")
    )
    manager = forms.ModelChoiceField(
        label=_("Manager"), queryset=Employee.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in Employee.Status.choices if c[0] != Employee.Status.TERMINATED],
    )
    contract_type = forms.ChoiceField(
        label=_("Contract type"), choices=Employee.ContractType.choices
    )
    contract_end_date = forms.DateField(
        label=_("Contract end date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Required for a fixed-term contract."),
    )
    weekly_hours = forms.DecimalField(
        label=_("Weekly working hours"),
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Employee.MAX_WEEKLY_HOURS,
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, employee: Employee, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "department": employee.department_id,
                "position": employee.position_id,
                "manager": employee.manager_id,
                "status": employee.status,
                "contract_type": employee.contract_type,
                "contract_end_date": employee.contract_end_date,
                "weekly_hours": employee.weekly_hours,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = Employee.objects.filter(
            status__in=Employee.CURRENT
        ).exclude(pk=employee.pk)
