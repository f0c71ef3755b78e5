"""Forms and list filters of the inventory: systems, equipment, licences."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hr.selectors.employees import directory
from it_support.models.inventory import Equipment, System
from it_support.models.licences import Licence

DATE = forms.DateInput(attrs={"type": "date"})


def current_employees():
    return directory().order_by("last_name", "first_name")


class SystemForm(forms.ModelForm):
    class Meta:
        model = System
        fields = [
            "name",
            "kind",
            "owner",
            "vendor",
            "version",
            "runs_on",
            "criticality",
            "active",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = current_employees()


class EquipmentForm(forms.ModelForm):
    class Meta:
        model = Equipment
        fields = [
            "tag",
            "name",
            "kind",
            "serial",
            "system",
            "location",
            "status",
            "purchase_date",
            "warranty_end",
            "notes",
        ]
        widgets = {"purchase_date": DATE, "warranty_end": DATE}


class EquipmentAssignForm(forms.Form):
    employee = forms.ModelChoiceField(
        queryset=directory().none(),
        required=False,
        label=_("Assign to"),
        help_text=_("Leave empty to take the item back into stock."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = current_employees()


class LicenceForm(forms.ModelForm):
    class Meta:
        model = Licence
        fields = ["name", "system", "product", "vendor", "seats_total", "expires_on", "notes"]
        widgets = {"expires_on": DATE}


class SeatForm(forms.Form):
    employee = forms.ModelChoiceField(
        queryset=directory().none(), required=False, label=_("Employee")
    )
    equipment = forms.ModelChoiceField(
        queryset=Equipment.objects.exclude(status=Equipment.Status.RETIRED),
        required=False,
        label=_("Equipment"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = current_employees()


class SystemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, vendor or where it runs"), method="search")
    kind = django_filters.ChoiceFilter(choices=System.Kind.choices, label=_("Kind"))
    criticality = django_filters.ChoiceFilter(
        choices=System._meta.get_field("criticality").choices, label=_("Criticality")
    )

    class Meta:
        model = System
        fields = ["q", "kind", "criticality"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(vendor__icontains=value) | Q(runs_on__icontains=value)
        )


class EquipmentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tag, name, serial or location"), method="search")
    kind = django_filters.ChoiceFilter(choices=Equipment.Kind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=Equipment.Status.choices, label=_("Status"))
    system = django_filters.ModelChoiceFilter(queryset=System.objects.all(), label=_("System"))

    class Meta:
        model = Equipment
        fields = ["q", "kind", "status", "system"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(tag__icontains=value)
            | Q(name__icontains=value)
            | Q(serial__icontains=value)
            | Q(location__icontains=value)
        )
