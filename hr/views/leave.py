"""Leave pages: my leave, a request, deciding, the team calendar and calendar feeds."""

import calendar as month_calendar
from datetime import date, timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.permissions import require_any_perm, require_perm
from hr.forms.leave import (
    FeedForm,
    LeaveAdjustForm,
    LeaveCutShortForm,
    LeaveDecisionForm,
    LeaveRecordForm,
    LeaveRequestForm,
    StaffingForm,
    TeamCalendarForm,
)
from hr.models.employees import Employee
from hr.models.leave import LeaveCalendarFeed, LeaveRequest, TeamStaffing
from hr.selectors import leave as leave_selectors
from hr.selectors.employees import employee_for_user
from hr.services import leave as leave_services
from hr.services import leave_calendar as calendar_services
from hr.services.leave_counting import balances_for
from hr.services.leave_setup import leave_adjust

PAGE_SIZE = 50
Status = LeaveRequest.Status


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _balances(employee):
    types = leave_selectors.balance_types()
    sums = balances_for([employee], types)
    return [(t, sums.get((employee.pk, t.pk), 0)) for t in types]


@require_perm("hr.request_leave")
def leave_mine(request):
    employee = employee_for_user(request.user)
    if employee is None:
        raise Http404
    rows = leave_selectors.leave_requests_visible_to(request.user).filter(employee=employee)
    return render(
        request,
        "hr/leave/leave_mine.html",
        {
            "employee": employee,
            "balances": _balances(employee),
            "adjust_form": LeaveAdjustForm(),
            "page": _page(request, rows),
        },
    )


def _request_page(request, form, employee_of, template):
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        employee = employee_of(data)
        args = {
            "employee": employee,
            "leave_type": data["leave_type"],
            "start": data["start"],
            "end": data["end"],
            "half": data.get("half") or "",
        }
        try:
            if "confirm" in request.POST:
                made = leave_services.leave_request(by=request.user, note=data["note"], **args)
                messages.success(request, _("The request is sent for approval."))
                return redirect("hr:leave-detail", pk=made.pk)
            preview = leave_services.leave_preview(**args)
        except DomainError as exc:
            messages.error(request, str(exc))
    return render(request, template, {"form": form, "preview": preview})


@require_perm("hr.request_leave")
def leave_request(request):
    employee = employee_for_user(request.user)
    if employee is None:
        raise Http404
    form = LeaveRequestForm(request.POST or None)
    return _request_page(request, form, lambda data: employee, "hr/leave/leave_request.html")


@require_perm("hr.manage_leave")
def leave_record(request):
    form = LeaveRecordForm(request.POST or None)
    return _request_page(request, form, lambda data: data["employee"], "hr/leave/leave_record.html")


def _visible(request, pk) -> LeaveRequest:
    return get_object_or_404(leave_selectors.leave_requests_visible_to(request.user), pk=pk)


@require_any_perm("hr.request_leave", "hr.approve_leave", "hr.manage_leave")
def leave_detail(request, pk):
    leave = _visible(request, pk)
    can_decide = leave.status == Status.PENDING and leave_services.may_decide(request.user, leave)
    context = {
        "leave": leave,
        "can_decide": can_decide,
        "warnings": calendar_services.staffing_warnings(leave) if can_decide else [],
        "can_cancel": leave.status in (Status.PENDING, Status.APPROVED)
        and (leave.employee.user_id == request.user.pk or request.user.has_perm("hr.manage_leave"))
        and (leave.status == Status.PENDING or leave.start_date > timezone.localdate()),
        "can_cut": leave.status == Status.APPROVED
        and request.user.has_perm("hr.manage_leave")
        and leave.end_date > leave.start_date,
        "decision_form": LeaveDecisionForm(),
        "cut_form": LeaveCutShortForm(),
        "history": leave.history.select_related("history_user").order_by("-history_date")[:20],
    }
    return render(request, "hr/leave/leave_detail.html", context)


def _act(request, action, success):
    try:
        action()
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)


@require_POST
@require_any_perm("hr.approve_leave", "hr.manage_leave")
def leave_decide(request, pk):
    leave = _visible(request, pk)
    form = LeaveDecisionForm(request.POST)
    form.is_valid()
    approve = request.POST.get("decision") == "approve"
    _act(
        request,
        lambda: leave_services.leave_decide(
            by=request.user,
            request=leave,
            approve=approve,
            comment=form.cleaned_data.get("comment", ""),
        ),
        _("The leave is approved.") if approve else _("The leave is refused."),
    )
    return redirect("hr:leave-detail", pk=leave.pk)


@require_POST
@require_any_perm("hr.request_leave", "hr.manage_leave")
def leave_cancel(request, pk):
    leave = _visible(request, pk)
    _act(
        request,
        lambda: leave_services.leave_cancel(by=request.user, request=leave),
        _("The leave is cancelled."),
    )
    return redirect("hr:leave-detail", pk=leave.pk)


@require_POST
@require_perm("hr.manage_leave")
def leave_cut_short(request, pk):
    leave = _visible(request, pk)
    form = LeaveCutShortForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the new last day and why."))
    else:
        _act(
            request,
            lambda: leave_services.leave_cut_short(
                by=request.user, request=leave, **form.cleaned_data
            ),
            _("The leave is cut short."),
        )
    return redirect("hr:leave-detail", pk=leave.pk)


@require_any_perm("hr.request_leave", "hr.approve_leave", "hr.manage_leave")
def leave_ledger(request, pk):
    employee = get_object_or_404(Employee.objects.select_related("manager"), pk=pk)
    rows = leave_selectors.ledger_visible_to(request.user, employee)
    if rows is None:
        raise Http404
    return render(
        request,
        "hr/leave/leave_ledger.html",
        {
            "employee": employee,
            "balances": _balances(employee),
            "page": _page(request, rows.order_by("-created_at", "-pk")),
        },
    )


def _month_days(first: date) -> list[date]:
    length = month_calendar.monthrange(first.year, first.month)[1]
    return [first + timedelta(days=n) for n in range(length)]


@require_any_perm("hr.approve_leave", "hr.manage_leave")
def leave_team(request):
    form = TeamCalendarForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {}) or {}
    first = (data.get("month") or timezone.localdate()).replace(day=1)
    department = data.get("department")
    team = leave_selectors.team_for(request.user, department.pk if department else None)
    page = _page(request, team)
    days = _month_days(first)
    away = {}
    for leave in leave_selectors.leave_between(list(page.object_list), days[0], days[-1]):
        for day in days:
            if leave.start_date <= day <= leave.end_date:
                away[(leave.employee_id, day)] = leave
    rows = [(person, [(day, away.get((person.pk, day))) for day in days]) for person in page]
    waiting = (
        leave_selectors.leave_requests_visible_to(request.user)
        .filter(status=Status.PENDING)
        .exclude(employee__user=request.user)
        .order_by("start_date")[:50]
    )
    me = employee_for_user(request.user)
    staffing = TeamStaffing.objects.filter(manager=me).first() if me else None
    return render(
        request,
        "hr/leave/leave_team.html",
        {
            "form": form,
            "days": days,
            "rows": rows,
            "page": page,
            "waiting": waiting,
            "first": first,
            "previous": (first - timedelta(days=1)).replace(day=1),
            "next": first + timedelta(days=len(days)),
            "staffing_form": StaffingForm(
                initial={"minimum_present": getattr(staffing, "minimum_present", 0)}
            ),
            "today": timezone.localdate(),
        },
    )


@require_POST
@require_perm("hr.approve_leave")
def leave_staffing(request):
    me = employee_for_user(request.user)
    form = StaffingForm(request.POST)
    if me is None or not form.is_valid():
        messages.error(request, _("Give a minimum between 0 and 1000."))
    else:
        _act(
            request,
            lambda: calendar_services.staffing_set(manager=me, **form.cleaned_data),
            _("The minimum staffing is saved."),
        )
    return redirect("hr:leave-team")


@require_perm("hr.request_leave")
def leave_feeds(request):
    me = employee_for_user(request.user)
    if me is None:
        raise Http404
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _act(
            request,
            lambda: calendar_services.feed_create(owner=me, **form.cleaned_data),
            _("A new calendar address is made."),
        )
        return redirect("hr:leave-feeds")
    feeds = LeaveCalendarFeed.objects.filter(owner=me, revoked_at__isnull=True)
    return render(request, "hr/leave/leave_feeds.html", {"form": form, "feeds": feeds})


@require_POST
@require_perm("hr.request_leave")
def leave_feed_revoke(request, pk):
    me = employee_for_user(request.user)
    if me is None:
        raise Http404
    _act(
        request,
        lambda: calendar_services.feed_revoke(owner=me, feed_id=pk),
        _("The calendar address no longer works."),
    )
    return redirect("hr:leave-feeds")


def leave_feed(request, token):
    """The iCalendar file: no login (calendar apps cannot sign in), the secret token is the key."""
    feed = leave_selectors.feed_by_token(token)
    if feed is None:
        raise Http404
    response = HttpResponse(calendar_services.feed_ics(feed), content_type="text/calendar")
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_POST
@require_perm("hr.manage_leave")
def leave_adjust_view(request, pk):
    employee = get_object_or_404(Employee, pk=pk)
    form = LeaveAdjustForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the type, the days and the reason."))
    else:
        _act(
            request,
            lambda: leave_adjust(by=request.user, employee=employee, **form.cleaned_data),
            _("The balance is adjusted."),
        )
    return redirect("hr:leave-ledger", pk=employee.pk)
