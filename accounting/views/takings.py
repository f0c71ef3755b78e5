from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounting.forms.takings import TakingsUploadForm
from accounting.models.takings import TakingsImport
from accounting.services.takings import (
    TakingsImportError,
    max_upload_bytes,
    takings_import_confirm,
    takings_import_discard,
    takings_import_upload,
)
from backoffice.permissions import require_perm


def _own_import(request, pk) -> TakingsImport:
    """An upload is seen by the person who made it, nobody else."""
    return get_object_or_404(TakingsImport, pk=pk, uploaded_by=request.user)


@require_perm("accounting.add_takingsimport")
def takings_import(request):
    form = TakingsUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > max_upload_bytes():
                raise TakingsImportError(
                    _("The file is larger than %(size)s MB.")
                    % {"size": max_upload_bytes() // 1048576}
                )
            record = takings_import_upload(
                by=request.user, filename=upload.name, data=upload.read()
            )
        except TakingsImportError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("accounting:takings-import-detail", pk=record.pk)
    recent = TakingsImport.objects.filter(uploaded_by=request.user)[:10]
    return render(request, "accounting/takings_import.html", {"form": form, "recent": recent})


@require_perm("accounting.add_takingsimport")
def takings_import_detail(request, pk):
    record = _own_import(request, pk)
    return render(request, "accounting/takings_import_detail.html", {"record": record})


@require_POST
@require_perm("accounting.add_takingsimport", "accounting.post_journalentry")
def takings_import_confirm_view(request, pk):
    record = _own_import(request, pk)
    try:
        record = takings_import_confirm(by=request.user, takings_import=record)
    except TakingsImportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("%(count)s takings entries posted.") % {"count": record.entries}
        )
    return redirect("accounting:takings-import-detail", pk=record.pk)


@require_POST
@require_perm("accounting.add_takingsimport")
def takings_import_discard_view(request, pk):
    record = _own_import(request, pk)
    try:
        takings_import_discard(by=request.user, takings_import=record)
    except TakingsImportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The file is discarded; nothing was posted."))
    return redirect("accounting:takings-import")
