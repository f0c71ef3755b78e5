from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from backoffice.permissions import require_perm
from hr.employee_files import COLUMNS
from hr.forms.records import DocumentUploadForm, EmployeeImportForm, OrgChartFilterForm
from hr.selectors import employees as employees_selectors
from hr.selectors import records as records_selectors
from hr.services import documents as documents_services
from hr.services import imports as imports_services
from hr.services.documents import DocumentError
from hr.services.imports import FILE_ERRORS, EmployeeImportError

# Documents -------------------------------------------------------------------


@require_perm("hr.add_employeedocument")
def document_upload(request, pk):
    employee = get_object_or_404(employees_selectors.employees_visible_to(request.user), pk=pk)
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            documents_services.document_upload(
                by=request.user,
                employee=employee,
                kind=data["kind"],
                uploaded_file=data["file"],
                issue_date=data["issue_date"],
                expiry_date=data["expiry_date"],
            )
        except DocumentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The document is filed."))
            return redirect(reverse("hr:employee-detail", args=[employee.pk]) + "#documents")
    return render(request, "hr/document_upload.html", {"employee": employee, "form": form})


@login_required
def document_download(request, pk):
    """The file itself, only through this check: documents are never under MEDIA_URL."""
    document = get_object_or_404(records_selectors.documents_visible_to(request.user), pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_documents(request):
    employee = employees_selectors.employee_for_user(request.user)
    if employee is None:
        raise Http404
    return redirect(reverse("hr:employee-detail", args=[employee.pk]) + "#documents")


@require_perm("hr.view_employeedocument")
def documents_expiring(request):
    documents = records_selectors.documents_expiring(request.user)
    return render(request, "hr/documents_expiring.html", {"documents": documents[:500]})


# Org chart --------------------------------------------------------------------


@require_perm("hr.view_directory")
def org_chart(request):
    form = OrgChartFilterForm(request.GET or None)
    department = form.cleaned_data["department"] if form.is_valid() else None
    items = records_selectors.org_chart(department=department)
    return render(
        request, "hr/org_chart.html", {"form": form, "items": items, "department": department}
    )


# Import -----------------------------------------------------------------------


@require_perm("hr.import_employee")
def employee_import(request):
    form = EmployeeImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = imports_services.employee_import_upload(
                by=request.user, uploaded_file=form.cleaned_data["file"]
            )
        except EmployeeImportError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("hr:employee-import-preview", pk=batch.pk)
    return render(
        request,
        "hr/employee_import.html",
        {"form": form, "columns": [str(label) for _key, label, _lookup in COLUMNS]},
    )


@require_perm("hr.import_employee")
def employee_import_preview(request, pk):
    batch = get_object_or_404(records_selectors.imports_of(request.user), pk=pk)
    errors = batch.errors or {}
    rows = [
        {
            "values": [row.get(key, "") for key, _label, _lookup in COLUMNS],
            "line": row["line"],
            "errors": errors.get(str(row["line"]), []),
        }
        for row in batch.rows
    ]
    context = {
        "batch": batch,
        "rows": rows,
        "file_errors": errors.get(FILE_ERRORS, []),
        "error_count": sum(1 for row in rows if row["errors"]),
        "headers": [str(label) for _key, label, _lookup in COLUMNS],
        "form": EmployeeImportForm(),
    }
    return render(request, "hr/employee_import_preview.html", context)


@require_perm("hr.import_employee")
@require_POST
def employee_import_confirm(request, pk):
    batch = get_object_or_404(records_selectors.imports_of(request.user), pk=pk)
    try:
        count = imports_services.employee_import_confirm(by=request.user, batch=batch)
    except EmployeeImportError as exc:
        messages.error(request, str(exc))
        return redirect("hr:employee-import-preview", pk=batch.pk)
    messages.success(
        request,
        ngettext("%(count)d person imported.", "%(count)d people imported.", count)
        % {"count": count},
    )
    return redirect("hr:directory")
