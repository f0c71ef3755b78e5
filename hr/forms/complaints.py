from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hr.models.complaints import Complaint
from hr.models.employees import Employee
from hr.services.complaints import TRANSITIONS

User = get_user_model()


class ComplaintForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Complaint.Category.choices)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}))
    about = forms.ModelMultipleChoiceField(
        label=_("About (optional)"),
        queryset=Employee.objects.none(),
        required=False,
        help_text=_("The people it is about never see the complaint."),
    )
    anonymous = forms.BooleanField(
        label=_("Raise it anonymously"),
        required=False,
        help_text=_("Only the HR staff handling it will know who raised it."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["about"].queryset = (
            Employee.objects.filter(status__in=Employee.CURRENT)
            .exclude(user=user)
            .only("first_name", "last_name")
        )


class ComplaintTransitionForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    outcome = forms.CharField(
        label=_("Outcome told to the person who raised it"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, complaint: Complaint, **kwargs):
        super().__init__(*args, **kwargs)
        # Any status passes the form; the service refuses the moves the workflow
        # forbids, with its own message. The page offers only the allowed ones.
        allowed = TRANSITIONS[complaint.status]
        self.fields["status"].choices = Complaint.Status.choices
        self.fields["status"].widget.choices = [
            c for c in Complaint.Status.choices if c[0] in allowed
        ]


class ComplaintNoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}))


class ComplaintAssignForm(forms.Form):
    handlers = forms.ModelMultipleChoiceField(
        label=_("HR handlers"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        can_handle = Q(
            groups__permissions__codename="handle_complaint",
            groups__permissions__content_type__app_label="hr",
        ) | Q(is_superuser=True)
        self.fields["handlers"].queryset = (
            User.objects.filter(can_handle, is_active=True).distinct().order_by("username")
        )
        self.fields["handlers"].label_from_instance = lambda u: u.get_full_name() or u.username
