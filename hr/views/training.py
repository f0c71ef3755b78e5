"""Training pages: my training, my team's, and HR's courses, sessions and assignments."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from hr.forms.training import (
    AssignmentRecordForm,
    CourseForm,
    SessionRecordForm,
    SessionResultFormSet,
    TrainingAssignForm,
    TrainingSessionForm,
)
from hr.models.training import Course, TrainingAssignment
from hr.selectors import employees as employees_selectors
from hr.selectors import training as training_selectors
from hr.services import training as training_services
from hr.services import training_results as training_results_services

PAGE_SIZE = 50
Status = TrainingAssignment.Status


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@require_perm("hr.view_own_training")
def training_mine(request):
    employee = employees_selectors.employee_for_user(request.user)
    rows = (
        training_selectors.training_of(employee)
        .exclude(status=Status.CANCELLED)
        .order_by("status", "due_date", "course__title")
    )
    return render(
        request,
        "hr/training_mine.html",
        {"employee": employee, "page": _page(request, rows), "today": timezone.localdate()},
    )


@require_perm("hr.view_team")
def training_team(request):
    return render(
        request,
        "hr/training_team.html",
        {
            "page": _page(request, training_selectors.team_training(request.user)),
            "today": timezone.localdate(),
        },
    )


@require_perm("hr.view_course")
def course_list(request):
    courses = Course.objects.annotate(
        open_count=Count("assignments", filter=Q(assignments__status=Status.ASSIGNED)),
        completed_count=Count("assignments", filter=Q(assignments__status=Status.COMPLETED)),
    ).order_by("-is_active", "title")
    return render(request, "hr/course_list.html", {"page": _page(request, courses)})


@require_perm("hr.add_course")
def course_create(request):
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = training_services.course_create(by=request.user, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The course is created."))
            return redirect("hr:course-detail", pk=course.pk)
    return render(request, "hr/course_create.html", {"form": form})


@require_perm("hr.change_course")
def course_edit(request, pk):
    course = get_object_or_404(Course, pk=pk)
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        try:
            training_services.course_update(by=request.user, course=course, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The course is saved."))
            return redirect("hr:course-detail", pk=course.pk)
    return render(request, "hr/course_edit.html", {"course": course, "form": form})


@require_perm("hr.view_course")
def course_detail(request, pk):
    course = get_object_or_404(Course.objects.prefetch_related("mandatory_positions"), pk=pk)
    sessions = course.sessions.select_related("trainer").annotate(
        attendees=Count("assignments", filter=~Q(assignments__status=Status.CANCELLED))
    )[:20]
    rows = (
        training_selectors.assignments()
        .filter(course=course)
        .order_by("status", "employee__last_name", "employee__first_name")
    )
    return render(
        request,
        "hr/course_detail.html",
        {"course": course, "sessions": sessions, "page": _page(request, rows)},
    )


@require_perm("hr.add_trainingassignment")
def course_assign(request, pk):
    course = get_object_or_404(Course, pk=pk)
    form = TrainingAssignForm(request.POST or None, course=course)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            employees = training_services.employees_for_target(
                target=data["target"],
                employee=data["employee"],
                position=data["position"],
                department=data["department"],
            )
            count = training_services.training_assign(
                by=request.user,
                course=course,
                employees=employees,
                due_date=data["due_date"],
                session=data["session"],
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("%(count)d people were assigned %(course)s.")
                % {"count": count, "course": course.title},
            )
            return redirect("hr:course-detail", pk=course.pk)
    return render(request, "hr/course_assign.html", {"course": course, "form": form})


@require_perm("hr.add_trainingsession")
def session_create(request, pk):
    course = get_object_or_404(Course, pk=pk)
    form = TrainingSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            training_services.training_session_create(
                by=request.user, course=course, **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The session is planned."))
            return redirect("hr:course-detail", pk=course.pk)
    return render(request, "hr/session_create.html", {"course": course, "form": form})


@require_perm("hr.view_own_training")
def session_record(request, pk):
    """HR, or the session's trainer, records every attendee's result in one form."""
    session = get_object_or_404(training_selectors.sessions_recordable_by(request.user), pk=pk)
    attendees = list(
        session.assignments.filter(status=Status.ASSIGNED)
        .select_related("employee")
        .order_by("employee__last_name", "employee__first_name")
    )
    initial = [{"assignment_id": a.pk} for a in attendees]
    formset = SessionResultFormSet(request.POST or None, initial=initial, prefix="results")
    form = SessionRecordForm(
        request.POST or None,
        initial={"completed_on": timezone.localtime(session.ends_at).date()},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            count = training_results_services.training_session_record(
                by=request.user,
                session=session,
                results=[f.cleaned_data for f in formset if f.cleaned_data],
                completed_on=form.cleaned_data["completed_on"],
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(count)d results recorded.") % {"count": count})
            return redirect("hr:session-record", pk=session.pk)
    names = {a.pk: a.employee.full_name for a in attendees}
    rows = [(f, names.get(f.initial.get("assignment_id"), "")) for f in formset]
    recorded = session.assignments.exclude(status__in=[Status.ASSIGNED, Status.CANCELLED])
    return render(
        request,
        "hr/session_record.html",
        {
            "session": session,
            "form": form,
            "formset": formset,
            "rows": rows,
            "recorded": recorded.select_related("employee"),
        },
    )


@require_perm("hr.view_trainingassignment")
def assignment_list(request):
    state = request.GET.get("state", "")
    if state == "overdue":
        rows = training_selectors.assignments_overdue().order_by("due_date", "pk")
    elif state == "expiring":
        rows = training_selectors.assignments_expiring().order_by("expires_on", "pk")
    else:
        state = ""
        rows = training_selectors.assignments().order_by("-assigned_at", "-pk")
    return render(
        request,
        "hr/assignment_list.html",
        {
            "page": _page(request, rows),
            "state": state,
            "querystring": querystring_without_page(request),
            "today": timezone.localdate(),
        },
    )


@require_perm("hr.view_own_training")
def assignment_detail(request, pk):
    assignment = get_object_or_404(training_selectors.assignments_visible_to(request.user), pk=pk)
    form = None
    if assignment.is_open and request.user.has_perm("hr.change_trainingassignment"):
        form = AssignmentRecordForm()
    return render(
        request,
        "hr/assignment_detail.html",
        {"assignment": assignment, "today": timezone.localdate(), "form": form},
    )


@require_perm("hr.change_trainingassignment")
def assignment_record(request, pk):
    """HR records the result of one assignment, e.g. training taken elsewhere."""
    assignment = get_object_or_404(training_selectors.assignments_visible_to(request.user), pk=pk)
    form = AssignmentRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            training_results_services.training_assignment_record(
                by=request.user, assignment=assignment, **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The result is recorded."))
            return redirect("hr:assignment-detail", pk=assignment.pk)
    return render(
        request,
        "hr/assignment_detail.html",
        {"assignment": assignment, "today": timezone.localdate(), "form": form},
    )


@require_perm("hr.change_trainingassignment")
@require_POST
def assignment_cancel(request, pk):
    assignment = get_object_or_404(training_selectors.assignments_visible_to(request.user), pk=pk)
    try:
        training_results_services.training_assignment_cancel(by=request.user, assignment=assignment)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The assignment is cancelled."))
    return redirect("hr:assignment-detail", pk=assignment.pk)
