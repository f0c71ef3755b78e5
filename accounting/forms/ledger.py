from django import forms
from django.utils.translation import gettext_lazy as _

from accounting.models import Account


class PeriodReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200)


class EntryForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label=_("Description"), max_length=255)


class LineForm(forms.Form):
    account = forms.ModelChoiceField(
        label=_("Account"), queryset=Account.objects.filter(is_active=True)
    )
    debit = forms.DecimalField(label=_("Debit"), max_digits=14, decimal_places=2, required=False)
    credit = forms.DecimalField(label=_("Credit"), max_digits=14, decimal_places=2, required=False)
    description = forms.CharField(label=_("Description"), max_length=255, required=False)


LineFormSet = forms.formset_factory(LineForm, extra=2, min_num=2, validate_min=True)
