import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hr.models import Department, Employee


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, phone or email"), method="search")
    department = django_filters.ModelChoiceFilter(
        queryset=Department.objects.all(), label=_("Department")
    )

    class Meta:
        model = Employee
        fields = ["q", "department"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(first_name__icontains=value)
            | Q(last_name__icontains=value)
            | Q(work_phone__icontains=value)
            | Q(extension=value)
            | Q(work_email__icontains=value)
        )
