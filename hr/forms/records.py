from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.models.documents import EmployeeDocument
from hr.models.employees import Department
from hr.uploads import XLSX_SIGNATURE, check_size, document_content_type, read_head


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=EmployeeDocument.Kind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    issue_date = forms.DateField(
        label=_("Issue date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    expiry_date = forms.DateField(
        label=_("Expiry date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_size(uploaded, settings.HR_DOCUMENT_MAX_BYTES)
        if document_content_type(uploaded) is None:
            raise ValidationError(_("Only PDF, JPEG and PNG files are accepted."), code="type")
        return uploaded

    def clean(self):
        cleaned = super().clean()
        issued, expires = cleaned.get("issue_date"), cleaned.get("expiry_date")
        if issued and expires and expires <= issued:
            self.add_error("expiry_date", _("The expiry date must be after the issue date."))
        return cleaned


class EmployeeImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("The columns of the export; one person per row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_size(uploaded, settings.HR_IMPORT_MAX_BYTES)
        name = (uploaded.name or "").lower()
        is_zip = read_head(uploaded, 4) == XLSX_SIGNATURE
        if name.endswith(".xlsx") and not is_zip:
            raise ValidationError(_("This file is not a real XLSX workbook."), code="type")
        if not name.endswith((".csv", ".xlsx", ".txt")) or (is_zip and not name.endswith(".xlsx")):
            raise ValidationError(_("Upload a CSV or XLSX file."), code="type")
        return uploaded


class OrgChartFilterForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.all(), required=False
    )
