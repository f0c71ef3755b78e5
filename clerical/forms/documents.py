from django import forms
from django.utils.translation import gettext_lazy as _

from backoffice.uploads import MultipleFileField
from clerical.models.documents import Document, Folder


def _tag_names(value: str) -> list[str]:
    return [name.strip() for name in (value or "").split(",") if name.strip()]


class DocumentMetadataForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    document_type = forms.ChoiceField(
        label=_("Document type"), choices=Document.Type.choices, initial=Document.Type.OTHER
    )
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    correspondent = forms.CharField(label=_("Correspondent"), max_length=200, required=False)
    reference = forms.CharField(label=_("Reference number"), max_length=60, required=False)
    tags = forms.CharField(
        label=_("Tags"), required=False, help_text=_("Separated by commas."), max_length=500
    )
    keep_until = forms.DateField(
        label=_("Keep until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_tags(self):
        return _tag_names(self.cleaned_data["tags"])


class DocumentUploadForm(DocumentMetadataForm):
    folder = forms.ModelChoiceField(label=_("Folder"), queryset=Folder.objects.none())
    files = MultipleFileField(label=_("Files"))

    field_order = ["folder", "files"]

    def __init__(self, *args, folders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"].queryset = folders


class DocumentEditForm(DocumentMetadataForm):
    title = forms.CharField(label=_("Title"), max_length=200)


class DocumentVersionForm(forms.Form):
    file = forms.FileField(label=_("New version"))


class DocumentCopyForm(forms.Form):
    folder = forms.ModelChoiceField(label=_("Copy into folder"), queryset=Folder.objects.none())

    def __init__(self, *args, folders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"].queryset = folders


class DocumentSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    folder = forms.ModelChoiceField(
        label=_("Folder"), queryset=Folder.objects.none(), required=False
    )
    due = forms.BooleanField(label=_("Due for review"), required=False)

    def __init__(self, *args, folders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"].queryset = folders
