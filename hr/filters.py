import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hr.models.employees import Department, Employee
from hr.models.hiring import Applicant, JobOpening


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


class ApplicantFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or email"), method="search")
    opening = django_filters.ModelChoiceFilter(
        queryset=JobOpening.objects.select_related("position", "department"), label=_("Opening")
    )
    stage = django_filters.ChoiceFilter(choices=Applicant.Stage.choices, label=_("Stage"))
    source = django_filters.ChoiceFilter(choices=Applicant.Source.choices, label=_("Source"))

    class Meta:
        model = Applicant
        fields = ["q", "opening", "stage", "source"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(first_name__icontains=value)
            | Q(last_name__icontains=value)
            | Q(email__icontains=value)
        )
