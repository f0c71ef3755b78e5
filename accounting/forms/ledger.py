from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from accounting.models.ledger import Account
from hr.models.employees import Department


class DateRangeForm(forms.Form):
    """A date range for ledger pages; blank ends mean open-ended."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("The end of the range comes before its start."))
        return cleaned


class PeriodReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200)


class EntryForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label=_("Description"), max_length=255)


class LineForm(forms.Form):
    # Only open leaf accounts take postings; a group only adds up its children.
    account = forms.ModelChoiceField(
        label=_("Account"),
        queryset=Account.objects.filter(is_active=True).exclude(
            Exists(Account.objects.filter(parent=OuterRef("pk")))
        ),
    )
    debit = forms.DecimalField(label=_("Debit"), max_digits=14, decimal_places=2, required=False)
    credit = forms.DecimalField(label=_("Credit"), max_digits=14, decimal_places=2, required=False)
    description = forms.CharField(label=_("Description"), max_length=255, required=False)
    department = forms.ModelChoiceField(
        label=_("Cost centre"), queryset=Department.objects.all(), required=False
    )


LineFormSet = forms.formset_factory(LineForm, extra=2, min_num=2, validate_min=True)
