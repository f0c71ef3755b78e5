from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from backoffice.services import job_start
from hr import selectors
from hr.filters import DirectoryFilter

DIRECTORY_PAGE_SIZE = 50


@require_perm("backoffice.access_hr")
def index(request):
    return render(
        request,
        "hr/index.html",
        {"headcount": selectors.headcount_by_department()},
    )


@require_perm("hr.view_directory")
def directory(request):
    filters = DirectoryFilter(request.GET, queryset=selectors.directory())
    page = Paginator(filters.qs, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "hr/employee_directory.html",
        {"filter": filters, "page": page, "querystring": querystring_without_page(request)},
    )


@require_perm("hr.view_directory")
def employee_detail(request, pk):
    employee = get_object_or_404(selectors.employees_visible_to(request.user), pk=pk)
    return render(request, "hr/employee_detail.html", {"employee": employee})


@require_perm("hr.export_employee")
@require_POST
def employee_export(request):
    try:
        job = job_start(kind="hr.employee_export", requested_by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("hr:directory")
    messages.info(request, _("The export has started; this page follows its progress."))
    return redirect("backoffice:job-detail", job_id=job.pk)
