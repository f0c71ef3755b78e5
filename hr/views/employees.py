from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from backoffice.services import job_start
from hr import selectors, services
from hr.filters import DirectoryFilter
from hr.forms import EmployeeChangeForm, EmployeePersonalForm
from hr.models import Complaint, DismissalCase
from hr.services import EmployeeError

DIRECTORY_PAGE_SIZE = 50
INDEX_ROWS = 20


@require_perm("backoffice.access_hr")
def index(request):
    complaints = selectors.complaints_visible_to(request.user).filter(status__in=Complaint.OPEN)
    return render(
        request,
        "hr/index.html",
        {
            "headcount": selectors.headcount_by_department(),
            "open_complaints": complaints.order_by("acknowledge_by", "pk")[:INDEX_ROWS],
            "overdue_count": complaints.filter(is_overdue=True).count(),
            "proposals": selectors.proposals_open().order_by("created_at")[:INDEX_ROWS],
            "awaiting_cases": selectors.dismissal_cases_visible_to(request.user)
            .filter(status=DismissalCase.Status.AWAITING)
            .order_by("last_day")[:INDEX_ROWS],
            "training": selectors.training_dashboard(),
            "hiring": selectors.hiring_summary()
            if request.user.has_perm("hr.view_applicant")
            else None,
        },
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
    context = {
        "employee": employee,
        "personal": selectors.personal_data_visible_to(request.user, employee),
        "changes": selectors.employment_history_visible_to(request.user, employee),
        "may_see_personal": selectors.personal_data_allowed(request.user, employee),
        "documents": selectors.documents_of(request.user, employee),
        "onboarding": selectors.onboarding_visible_to(request.user)
        .filter(employee=employee)
        .first(),
    }
    return render(request, "hr/employee_detail.html", context)


@require_perm("hr.change_employeepersonal")
def employee_personal_edit(request, pk):
    employee = get_object_or_404(selectors.employees_visible_to(request.user), pk=pk)
    personal = selectors.personal_data_visible_to(request.user, employee)
    form = EmployeePersonalForm(request.POST or None, instance=personal)
    if request.method == "POST" and form.is_valid():
        services.employee_personal_update(by=request.user, employee=employee, **form.cleaned_data)
        messages.success(request, _("Personal data saved."))
        return redirect("hr:employee-detail", pk=employee.pk)
    return render(request, "hr/employee_personal_edit.html", {"employee": employee, "form": form})


@require_perm("hr.change_employee")
def employee_change(request, pk):
    employee = get_object_or_404(selectors.employees_visible_to(request.user), pk=pk)
    form = EmployeeChangeForm(request.POST or None, employee=employee)
    if request.method == "POST" and form.is_valid():
        try:
            services.employee_change(by=request.user, employee=employee, **form.cleaned_data)
        except EmployeeError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The change is recorded."))
            return redirect("hr:employee-detail", pk=employee.pk)
    return render(request, "hr/employee_change.html", {"employee": employee, "form": form})


@require_perm("hr.export_employee")
@require_POST
def employee_export(request):
    try:
        job = job_start(
            kind="hr.employee_export",
            requested_by=request.user,
            params={"format": "xlsx" if request.POST.get("format") == "xlsx" else "csv"},
        )
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("hr:directory")
    messages.info(request, _("The export has started; this page follows its progress."))
    return redirect("backoffice:job-detail", job_id=job.pk)
