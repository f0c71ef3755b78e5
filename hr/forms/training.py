from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.forms.employees import PositionChoiceField
from hr.models.employees import Department, Employee, Position
from hr.models.training import Course, TrainingAssignment, TrainingSession

RECENT_SESSION_DAYS = 30


class PositionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.department.name})"


class CourseForm(forms.ModelForm):
    mandatory_positions = PositionsField(
        label=_("Mandatory for positions"),
        queryset=Position.objects.select_related("department"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "description",
            "duration_hours",
            "validity_months",
            "mandatory_for_all",
            "mandatory_positions",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class TrainingSessionForm(forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = ["starts_at", "ends_at", "location", "trainer", "trainer_name", "capacity"]
        widgets = {"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainer"].queryset = Employee.objects.filter(status__in=Employee.CURRENT)


class TrainingAssignForm(forms.Form):
    TARGETS = [
        ("employee", _("One employee")),
        ("position", _("Everyone in a position")),
        ("department", _("Everyone in a department")),
        ("everyone", _("Everyone")),
    ]
    target = forms.ChoiceField(label=_("Who"), choices=TARGETS, initial="employee")
    employee = forms.ModelChoiceField(
        label=_("Employee"),
        queryset=Employee.objects.filter(status__in=Employee.CURRENT),
        required=False,
    )
    position = PositionChoiceField(
        label=_("Position"), queryset=Position.objects.select_related("department"), required=False
    )
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.all(), required=False
    )
    session = forms.ModelChoiceField(
        label=_("Session"), queryset=TrainingSession.objects.none(), required=False
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, course: Course, **kwargs):
        super().__init__(*args, **kwargs)
        # Sessions still to come or just held (their results may not be in yet).
        recent = timezone.now() - timedelta(days=RECENT_SESSION_DAYS)
        self.fields["session"].queryset = course.sessions.filter(ends_at__gte=recent)

    def clean(self):
        data = super().clean()
        target = data.get("target")
        if target in ("employee", "position", "department") and not data.get(target):
            self.add_error(target, _("Choose one: %(what)s.") % {"what": self.fields[target].label})
        return data


class SessionResultForm(forms.Form):
    OUTCOMES = [
        ("", _("Not recorded")),
        *TrainingAssignment.Result.choices,
        ("absent", _("Did not attend")),
    ]
    assignment_id = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Result"), choices=OUTCOMES, required=False)
    score = forms.DecimalField(
        label=_("Score"), max_digits=5, decimal_places=2, min_value=0, max_value=100, required=False
    )
    notes = forms.CharField(label=_("Notes"), required=False, max_length=500)


SessionResultFormSet = forms.formset_factory(SessionResultForm, extra=0, max_num=1000)


class SessionRecordForm(forms.Form):
    completed_on = forms.DateField(
        label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class AssignmentRecordForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Result"), choices=TrainingAssignment.Result.choices)
    score = forms.DecimalField(
        label=_("Score"), max_digits=5, decimal_places=2, min_value=0, max_value=100, required=False
    )
    completed_on = forms.DateField(
        label=_("Completed on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
