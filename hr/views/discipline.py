from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.permissions import require_any_perm, require_perm
from hr.forms.discipline import DismissalCaseForm, IncidentForm, TerminationForm, WarningForm
from hr.models.discipline import DisciplineProposal, DismissalCase
from hr.models.employees import Employee
from hr.selectors import discipline as discipline_selectors
from hr.selectors import employees as employees_selectors
from hr.services import discipline as discipline_services
from hr.services import dismissals as dismissals_services
from hr.services.discipline import DisciplineError
from hr.services.employees import EmployeeError

DEPARTURE_ERRORS = (DisciplineError, EmployeeError)


def _employee(request, pk) -> Employee:
    return get_object_or_404(employees_selectors.employees_visible_to(request.user), pk=pk)


@require_perm("hr.view_warning", "hr.view_incident")
def employee_discipline(request, pk):
    employee = _employee(request, pk)
    context = {
        "employee": employee,
        "incidents": discipline_selectors.incidents_of(employee),
        "warnings": discipline_selectors.warnings_visible_to(request.user).filter(
            employee=employee
        ),
        "proposals": discipline_selectors.proposals_open().filter(employee=employee),
        "cases": discipline_selectors.dismissal_cases_visible_to(request.user).filter(
            employee=employee
        ),
        "terminations": employee.terminations.select_related("recorded_by"),
    }
    return render(request, "hr/employee_discipline.html", context)


@require_perm("hr.add_incident")
def incident_create(request, pk):
    employee = _employee(request, pk)
    form = IncidentForm(request.POST or None, employee=employee)
    if request.method == "POST" and form.is_valid():
        try:
            _incident, proposals = discipline_services.incident_record(
                by=request.user, employee=employee, **form.cleaned_data
            )
        except DisciplineError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The incident is recorded."))
            for proposal in proposals:
                messages.warning(
                    request,
                    _("Escalation rule “%(rule)s” proposes: %(step)s.")
                    % {"rule": proposal.rule.name, "step": proposal.get_proposes_display()},
                )
            return redirect("hr:employee-discipline", pk=employee.pk)
    return render(request, "hr/incident_create.html", {"employee": employee, "form": form})


@require_perm("hr.add_warning")
def warning_create(request, pk):
    employee = _employee(request, pk)
    form = WarningForm(request.POST or None, employee=employee)
    if request.method == "POST" and form.is_valid():
        try:
            discipline_services.warning_issue(
                by=request.user, employee=employee, **form.cleaned_data
            )
        except DisciplineError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The warning is issued and the employee told."))
            return redirect("hr:employee-discipline", pk=employee.pk)
    return render(request, "hr/warning_create.html", {"employee": employee, "form": form})


@require_perm("hr.acknowledge_warning")
def warning_detail(request, pk):
    warning = get_object_or_404(
        discipline_selectors.warnings_visible_to(request.user).prefetch_related("incidents"), pk=pk
    )
    return render(
        request,
        "hr/warning_detail.html",
        {"warning": warning, "is_own": warning.employee.user_id == request.user.pk},
    )


@require_perm("hr.acknowledge_warning")
@require_POST
def warning_acknowledge(request, pk):
    warning = get_object_or_404(discipline_selectors.warnings_visible_to(request.user), pk=pk)
    try:
        discipline_services.warning_acknowledge(by=request.user, warning=warning)
    except DisciplineError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("You have acknowledged the warning."))
    return redirect("hr:warning-detail", pk=warning.pk)


@require_perm("hr.change_warning")
@require_POST
def warning_share(request, pk):
    warning = get_object_or_404(discipline_selectors.warnings_visible_to(request.user), pk=pk)
    shared = request.POST.get("shared") == "1"
    discipline_services.warning_share(by=request.user, warning=warning, shared=shared)
    if shared:
        messages.success(request, _("The manager now sees the level and dates of this warning."))
    else:
        messages.success(request, _("The manager no longer sees this warning."))
    return redirect("hr:warning-detail", pk=warning.pk)


@require_perm("hr.acknowledge_warning")
def my_warnings(request):
    warnings = discipline_selectors.warnings_visible_to(request.user).filter(
        employee__user=request.user
    )
    return render(request, "hr/warning_mine.html", {"warnings": warnings})


@require_perm("hr.view_team_warning")
def team_warnings(request):
    rows = discipline_selectors.team_warnings_shared_with(request.user)
    return render(request, "hr/warning_team.html", {"rows": rows})


@require_perm("hr.change_disciplineproposal")
@require_POST
def proposal_decline(request, pk):
    proposal = get_object_or_404(DisciplineProposal, pk=pk)
    try:
        discipline_services.proposal_decline(by=request.user, proposal=proposal)
    except DisciplineError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Proposal declined."))
    return redirect("hr:index")


@require_perm("hr.add_dismissalcase")
def dismissal_create(request, pk):
    employee = _employee(request, pk)
    form = DismissalCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = dismissals_services.dismissal_case_open(
                by=request.user, employee=employee, **form.cleaned_data
            )
        except DisciplineError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The dismissal case is open; it needs HR and the manager."))
            return redirect("hr:dismissal-detail", pk=case.pk)
    return render(request, "hr/dismissal_create.html", {"employee": employee, "form": form})


def _visible_case(request, pk) -> DismissalCase:
    return get_object_or_404(discipline_selectors.dismissal_cases_visible_to(request.user), pk=pk)


@require_any_perm("hr.view_dismissalcase", "hr.agree_dismissalcase")
def dismissal_detail(request, pk):
    case = _visible_case(request, pk)
    return render(
        request,
        "hr/dismissal_detail.html",
        {"case": case, "is_manager": case.manager.user_id == request.user.pk},
    )


@require_perm("hr.agree_dismissalcase")
def dismissal_team(request):
    cases = (
        discipline_selectors.dismissal_cases_visible_to(request.user)
        .filter(manager__user=request.user)
        .order_by("-opened_at")
    )
    return render(request, "hr/dismissal_team.html", {"cases": cases})


def _agree(request, pk, *, as_manager: bool):
    case = _visible_case(request, pk)
    try:
        case = dismissals_services.dismissal_case_agree(
            by=request.user, case=case, as_manager=as_manager
        )
    except DEPARTURE_ERRORS as exc:
        messages.error(request, str(exc))
    else:
        if case.status == DismissalCase.Status.COMPLETED:
            messages.success(request, _("Both agreed: the dismissal is recorded."))
        else:
            messages.success(request, _("Your agreement is recorded."))
    return redirect("hr:dismissal-detail", pk=case.pk)


@require_perm("hr.change_dismissalcase")
@require_POST
def dismissal_agree_hr(request, pk):
    return _agree(request, pk, as_manager=False)


@require_perm("hr.agree_dismissalcase")
@require_POST
def dismissal_agree_manager(request, pk):
    return _agree(request, pk, as_manager=True)


@require_perm("hr.change_dismissalcase")
@require_POST
def dismissal_withdraw(request, pk):
    case = _visible_case(request, pk)
    try:
        dismissals_services.dismissal_case_withdraw(by=request.user, case=case)
    except DisciplineError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The dismissal case is withdrawn."))
    return redirect("hr:dismissal-detail", pk=case.pk)


@require_perm("hr.add_termination")
def termination_create(request, pk):
    employee = _employee(request, pk)
    form = TerminationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dismissals_services.employee_terminate(
                by=request.user, employee=employee, **form.cleaned_data
            )
        except DEPARTURE_ERRORS as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The departure is recorded and offboarding opened."))
            return redirect("hr:offboarding-list")
    return render(request, "hr/termination_create.html", {"employee": employee, "form": form})
