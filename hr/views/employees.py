from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from backoffice.services import job_start
from hr.filters import DirectoryFilter
from hr.forms.employees import EmployeeChangeForm, EmployeePersonalForm
from hr.models.complaints import Complaint
from hr.models.discipline import DismissalCase
from hr.selectors import complaints as complaints_selectors
from hr.selectors import discipline as discipline_selectors
from hr.selectors import employees as employees_selectors
from hr.selectors import hiring as hiring_selectors
from hr.selectors import records as records_selectors
from hr.selectors import training as training_selectors
from hr.services import employees as employees_services
from hr.services.employees import EmployeeError

DIRECTORY_PAGE_SIZE = 50
INDEX_ROWS = 20


@require_perm("backoffice.access_hr")
def index(request):
    complaints = complaints_selectors.complaints_visible_to(request.user).filter(
        status__in=Complaint.OPEN
    )
    return render(
        request,
        "hr/index.html",
        {
            "headcount": employees_selectors.headcount_by_department(),
            "open_complaints": complaints.order_by("acknowledge_by", "pk")[:INDEX_ROWS],
            "overdue_count": complaints.filter(is_overdue=True).count(),
            "proposals": discipline_selectors.proposals_open().order_by("created_at")[:INDEX_ROWS],
            "awaiting_cases": discipline_selectors.dismissal_cases_visible_to(request.user)
            .filter(status=DismissalCase.Status.AWAITING)
            .order_by("last_day")[:INDEX_ROWS],
            "training": training_selectors.training_dashboard(),
            "hiring": hiring_selectors.hiring_summary()
            if request.user.has_perm("hr.view_applicant")
            else None,
        },
    )


@require_perm("hr.view_directory")
def directory(request):
    filters = DirectoryFilter(request.GET, queryset=employees_selectors.directory())
    page = Paginator(filters.qs, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "hr/employee_directory.html",
        {"filter": filters, "page": page, "querystring": querystring_without_page(request)},
    )


@require_perm("hr.view_directory")
def employee_detail(request, pk):
    employee = get_object_or_404(employees_selectors.employees_visible_to(request.user), pk=pk)
    context = {
        "employee": employee,
        "personal": employees_selectors.personal_data_visible_to(request.user, employee),
        "changes": employees_selectors.employment_history_visible_to(request.user, employee),
        "may_see_personal": employees_selectors.personal_data_allowed(request.user, employee),
        "documents": records_selectors.documents_of(request.user, employee),
        "onboarding": hiring_selectors.onboarding_visible_to(request.user)
        .filter(employee=employee)
        .first(),
    }
    return render(request, "hr/employee_detail.html", context)


@require_perm("hr.change_employeepersonal")
def employee_personal_edit(request, pk):
    employee = get_object_or_404(employees_selectors.employees_visible_to(request.user), pk=pk)
    personal = employees_selectors.personal_data_visible_to(request.user, employee)
    form = EmployeePersonalForm(request.POST or None, instance=personal)
    if request.method == "POST" and form.is_valid():
        employees_services.employee_personal_update(
            by=request.user, employee=employee, **form.cleaned_data
        )
        messages.success(request, _("Personal data saved."))
        return redirect("hr:employee-detail", pk=employee.pk)
    return render(request, "hr/employee_personal_edit.html", {"employee": employee, "form": form})


@require_perm("hr.change_employee")
def employee_change(request, pk):
    employee = get_object_or_404(employees_selectors.employees_visible_to(request.user), pk=pk)
    form = EmployeeChangeForm(request.POST or None, employee=employee)
    if request.method == "POST" and form.is_valid():
        try:
            employees_services.employee_change(
                by=request.user, employee=employee, **form.cleaned_data
            )
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
