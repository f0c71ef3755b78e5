import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from backoffice.permissions import require_perm
from hr.forms.complaints import (
    ComplaintAssignForm,
    ComplaintForm,
    ComplaintNoteForm,
    ComplaintTransitionForm,
)
from hr.selectors import complaints as complaints_selectors
from hr.services import complaints as complaints_services
from hr.services.complaints import ComplaintError

COMPLAINT_PAGE_SIZE = 50


def _visible_complaint(request, pk):
    """The complaint, or 404 for anyone outside its raiser and handlers."""
    return get_object_or_404(complaints_selectors.complaints_visible_to(request.user), pk=pk)


def _handled_complaint(request, pk):
    complaint = _visible_complaint(request, pk)
    if not complaints_selectors.complaint_may_handle(request.user, complaint):
        # The raiser may see their complaint but not handle it.
        raise PermissionDenied
    return complaint


@require_perm("hr.raise_complaint")
def complaint_list(request):
    complaints = complaints_selectors.complaints_visible_to(request.user).order_by(
        "-raised_at", "-pk"
    )
    status = request.GET.get("status", "")
    if status == "open":
        complaints = complaints.filter(status__in=complaints.model.OPEN)
    page = Paginator(complaints, COMPLAINT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "hr/complaint_list.html",
        {"page": page, "status": status, "querystring": f"status={status}" if status else ""},
    )


@require_perm("hr.raise_complaint")
def complaint_create(request):
    form = ComplaintForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            complaint = complaints_services.complaint_raise(by=request.user, **form.cleaned_data)
        except ComplaintError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Your complaint is received; HR will acknowledge it by %(date)s.")
                % {"date": complaint.acknowledge_by},
            )
            return redirect("hr:complaint-detail", pk=complaint.pk)
    return render(request, "hr/complaint_create.html", {"form": form})


@require_perm("hr.raise_complaint")
def complaint_detail(request, pk):
    complaint = _visible_complaint(request, pk)
    may_handle = complaints_selectors.complaint_may_handle(request.user, complaint)
    context = {"complaint": complaint, "may_handle": may_handle}
    if may_handle:
        context |= {
            "about": list(complaint.about.all()),
            "handlers": list(complaint.handlers.all()),
            "notes": complaints_selectors.complaint_notes_visible_to(request.user, complaint),
            "transition_form": ComplaintTransitionForm(complaint=complaint),
            "note_form": ComplaintNoteForm(),
            "assign_form": ComplaintAssignForm(
                initial={"handlers": [u.pk for u in complaint.handlers.all()]}
            )
            if request.user.has_perm("hr.manage_all_complaints")
            else None,
        }
    return render(request, "hr/complaint_detail.html", context)


@require_perm("hr.handle_complaint")
@require_POST
def complaint_transition(request, pk):
    complaint = _handled_complaint(request, pk)
    form = ComplaintTransitionForm(request.POST, complaint=complaint)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        try:
            complaints_services.complaint_transition(
                by=request.user, complaint=complaint, **form.cleaned_data
            )
        except ComplaintError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The status is changed and the raiser is told."))
    return redirect("hr:complaint-detail", pk=complaint.pk)


@require_perm("hr.handle_complaint")
@require_POST
def complaint_note(request, pk):
    complaint = _handled_complaint(request, pk)
    form = ComplaintNoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the note first."))
    else:
        try:
            complaints_services.complaint_note_add(
                by=request.user, complaint=complaint, **form.cleaned_data
            )
        except ComplaintError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Note added."))
    return redirect("hr:complaint-detail", pk=complaint.pk)


@require_perm("hr.manage_all_complaints")
@require_POST
def complaint_assign(request, pk):
    complaint = _visible_complaint(request, pk)
    form = ComplaintAssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose HR staff who can handle complaints."))
    else:
        try:
            complaints_services.complaint_assign(
                by=request.user, complaint=complaint, **form.cleaned_data
            )
        except ComplaintError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Handlers saved."))
    return redirect("hr:complaint-detail", pk=complaint.pk)


EXPORT_COLUMNS = [
    gettext_lazy("Number"),
    gettext_lazy("Subject"),
    gettext_lazy("Category"),
    gettext_lazy("Status"),
    gettext_lazy("Raised by"),
    gettext_lazy("Raised at"),
    gettext_lazy("To acknowledge by"),
    gettext_lazy("Overdue"),
    gettext_lazy("Closed at"),
    gettext_lazy("Outcome"),
]


def _cell(value) -> str:
    """Text typed by employees must not run as a spreadsheet formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@require_perm("hr.handle_complaint")
def complaint_export(request):
    """The complaints this user may see, as CSV; anonymous raisers stay anonymous."""
    complaints = complaints_selectors.complaints_visible_to(request.user).order_by("pk")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="complaints.csv"'
    writer = csv.writer(response)
    writer.writerow([str(column) for column in EXPORT_COLUMNS])
    for c in complaints.iterator(chunk_size=500):
        raiser = c.raised_by.get_full_name() or c.raised_by.username
        row = [
            c.pk,
            c.subject,
            c.get_category_display(),
            c.get_status_display(),
            raiser if c.raiser_visible else _("Anonymous"),
            c.raised_at.isoformat(),
            c.acknowledge_by.isoformat(),
            _("yes") if c.is_overdue else "",
            c.closed_at.isoformat() if c.closed_at else "",
            c.outcome,
        ]
        writer.writerow([_cell(value) for value in row])
    return response
