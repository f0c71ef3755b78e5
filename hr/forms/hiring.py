from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.forms.employees import PositionChoiceField
from hr.models.employees import Employee, Position
from hr.models.hiring import Applicant, InterviewFeedback, JobOpening, Offer
from hr.validators import validate_cv

CV_ACCEPT = ".pdf,.doc,.docx,.odt"


def _current_employees():
    return Employee.objects.filter(status__in=Employee.CURRENT).only(
        "first_name", "last_name", "employee_number"
    )


class CareersApplicationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=80)
    email = forms.EmailField(label=_("Email"))
    phone = forms.CharField(label=_("Phone"), max_length=30)
    cv = forms.FileField(
        label=_("CV"),
        help_text=_("PDF, DOC, DOCX or ODT."),
        validators=[validate_cv],
        widget=forms.ClearableFileInput(attrs={"accept": CV_ACCEPT}),
    )
    letter = forms.CharField(
        label=_("A short letter"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ApplicantForm(forms.Form):
    """An applicant HR adds by hand: a referral, an agency's candidate."""

    opening = forms.ModelChoiceField(
        label=_("Opening"),
        queryset=JobOpening.objects.filter(
            status__in=[JobOpening.Status.OPEN, JobOpening.Status.ON_HOLD]
        ).select_related("position", "department"),
    )
    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=80)
    email = forms.EmailField(label=_("Email"))
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    source = forms.ChoiceField(label=_("Source"), choices=Applicant.Source.choices)
    cv = forms.FileField(
        label=_("CV"),
        required=False,
        validators=[validate_cv],
        widget=forms.ClearableFileInput(attrs={"accept": CV_ACCEPT}),
    )
    letter = forms.CharField(
        label=_("Letter"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ApplicantEditForm(forms.ModelForm):
    class Meta:
        model = Applicant
        fields = ["first_name", "last_name", "email", "phone", "source", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class OpeningForm(forms.ModelForm):
    position = PositionChoiceField(
        label=_("Position"), queryset=Position.objects.select_related("department")
    )
    hiring_manager = forms.ModelChoiceField(
        label=_("Hiring manager"), queryset=Employee.objects.none(), required=False
    )

    class Meta:
        model = JobOpening
        fields = [
            "position",
            "department",
            "places",
            "hiring_manager",
            "description",
            "internal_notes",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hiring_manager"].queryset = _current_employees()


class OpeningStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=JobOpening.Status.choices)


class ApplicantMoveForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Move to"), choices=Applicant.Stage.choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class InterviewForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    location = forms.CharField(label=_("Location or link"), max_length=300)
    interviewers = forms.ModelMultipleChoiceField(
        label=_("Interviewers"), queryset=Employee.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewers"].queryset = _current_employees()


SCORES = [(n, str(n)) for n in range(1, 6)]


class FeedbackForm(forms.ModelForm):
    skills = forms.TypedChoiceField(
        label=_("Skills"), choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    experience = forms.TypedChoiceField(
        label=_("Experience"), choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    communication = forms.TypedChoiceField(
        label=_("Communication"), choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    culture = forms.TypedChoiceField(
        label=_("Culture fit"), choices=SCORES, coerce=int, widget=forms.RadioSelect
    )

    class Meta:
        model = InterviewFeedback
        fields = ["skills", "experience", "communication", "culture", "recommendation", "comments"]
        widgets = {"comments": forms.Textarea(attrs={"rows": 4})}


class OfferForm(forms.Form):
    salary = forms.DecimalField(
        label=_("Monthly gross salary"), max_digits=14, decimal_places=2, min_value=0.01
    )
    contract_type = forms.CharField(
        label=_("Contract type"), max_length=120, initial=_("Permanent, full time")
    )
    start_date = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=_("Offer expires on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, expires = data.get("start_date"), data.get("expires_on")
        if start and expires and expires > start:
            self.add_error("expires_on", _("The offer must expire on or before the start date."))
        if expires and expires < timezone.localdate():
            self.add_error("expires_on", _("The offer cannot expire in the past."))
        return data


class OfferStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Offer.Status.choices)


class HireForm(forms.Form):
    employee_number = forms.CharField(label=_("Employee number"), max_length=20)
    username = forms.CharField(label=_("Username"), max_length=150)
    work_email = forms.EmailField(label=_("Work email"), required=False)


class TaskDoneForm(forms.Form):
    done = forms.BooleanField(required=False)
