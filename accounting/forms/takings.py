from django import forms
from django.utils.translation import gettext_lazy as _


class TakingsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Registers' daily totals (CSV)"),
        help_text=_("Columns: date, register, gross, vat, cash, card, vouchers."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
