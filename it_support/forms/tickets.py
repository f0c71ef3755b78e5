from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from backoffice.uploads import MultipleFileField
from it_support.models.inventory import Equipment, System
from it_support.models.tickets import Impact, Priority, Ticket, Urgency


class TicketForm(forms.Form):
    # As the person types, the knowledge base suggests articles under the form (htmx).
    subject = forms.CharField(
        label=_("What is wrong?"),
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "hx-get": reverse_lazy("it_support:article-suggest"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#article-suggestions",
                "hx-swap": "outerHTML",
                "autocomplete": "off",
            }
        ),
    )
    category = forms.ChoiceField(
        label=_("Which system"), choices=Ticket._meta.get_field("category").choices
    )
    equipment = forms.ModelChoiceField(
        label=_("Which register or equipment (if known)"),
        queryset=Equipment.objects.exclude(status=Equipment.Status.RETIRED).only(
            "tag", "name", "location"
        ),
        required=False,
    )
    system = forms.ModelChoiceField(
        label=_("Program"), queryset=System.objects.filter(active=True), required=False
    )
    impact = forms.TypedChoiceField(
        label=_("How bad is it?"), choices=Impact.choices, coerce=int, initial=Impact.DEGRADED
    )
    urgency = forms.TypedChoiceField(
        label=_("How soon is it needed?"),
        choices=Urgency.choices,
        coerce=int,
        initial=Urgency.MEDIUM,
    )
    description = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
    )
    files = MultipleFileField(
        label=_("Screenshots or logs"),
        required=False,
        help_text=_("PDF, images, text or Office files."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equipment"].label_from_instance = lambda e: (
            f"{e.tag} {e.name}" + (f" ({e.location})" if e.location else "")
        )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20000
    )
    internal = forms.BooleanField(
        label=_("Internal note (IT only, never shown to the requester)"), required=False
    )
    files = MultipleFileField(label=_("Files"), required=False)


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was the help?"), choices=[(n, str(n)) for n in range(5, 0, -1)], coerce=int
    )
    comment = forms.CharField(label=_("Comment"), max_length=500, required=False)


class ReopenForm(forms.Form):
    body = forms.CharField(
        label=_("What is still wrong?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=20000
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None)

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int)
    reason = forms.CharField(label=_("Why"), max_length=100)


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    status = forms.MultipleChoiceField(
        label=_("Status"), choices=Ticket.Status.choices, required=False
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=[("", "---"), *Priority.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", "---"), *Ticket._meta.get_field("category").choices],
        required=False,
    )
    system = forms.ModelChoiceField(
        label=_("System"), queryset=System.objects.all(), required=False
    )
    equipment = forms.ModelChoiceField(
        label=_("Equipment"), queryset=Equipment.objects.only("tag", "name"), required=False
    )
    assignee = forms.CharField(label=_("Assignee"), required=False)  # "me", "none" or a user id
    breached = forms.BooleanField(label=_("Breached only"), required=False)
