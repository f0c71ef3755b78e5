"""Pages of the payroll inputs: pay profiles and items for payroll staff,
the employee's timesheet and pay profile, the manager's team timesheets."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounting.forms.pay import (
    MonthForm,
    PayItemFilter,
    PayItemForm,
    PayProfileFilter,
    PayProfileForm,
    TimesheetGridForm,
    TimesheetReturnForm,
)
from accounting.models.pay import TimesheetDay
from accounting.selectors import pay as pay_selectors
from accounting.selectors.pay import calendar_month_end, calendar_month_start
from accounting.services import pay as pay_services
from accounting.services.pay import PayInputError
from backoffice.calendar import holidays_between, working_dates, working_days
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_any_perm, require_perm
from hr.models.employees import Employee
from hr.selectors.employees import employee_for_user

PAGE_SIZE = 50
UNPAID_SHOWN = 30
TIMESHEET_PERMS = (
    "accounting.fill_timesheet",
    "accounting.approve_timesheet",
    "accounting.view_timesheet",
)


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _month(request) -> date:
    form = MonthForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return calendar_month_start(form.cleaned_data["month"])
    return calendar_month_start(timezone.localdate())


# Pay profiles and items (payroll staff) -------------------------------------------------


@require_perm("accounting.view_payprofile")
def payprofile_list(request):
    today = timezone.localdate()
    filters = PayProfileFilter(
        request.GET, queryset=pay_selectors.current_pay_profiles(request.user, today)
    )
    return render(
        request,
        "accounting/pay/payprofile_list.html",
        {
            "filter": filters,
            "page": _page(request, filters.qs),
            "querystring": querystring_without_page(request),
            "today": today,
            "unpaid": pay_selectors.employees_without_pay_profile(today)[:UNPAID_SHOWN],
        },
    )


@require_any_perm("accounting.view_payprofile", "accounting.view_own_payprofile")
def payprofile_employee(request, employee_pk):
    # Someone's pay is not for anyone outside payroll, not even their manager:
    # the page does not exist for them.
    if not request.user.has_perm("accounting.view_payprofile"):
        raise Http404
    employee = get_object_or_404(Employee.objects.select_related("department"), pk=employee_pk)
    profiles = pay_selectors.pay_profiles_visible_to(request.user).filter(employee=employee)
    form = PayProfileForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("accounting.add_payprofile"):
            raise PermissionDenied
        if form.is_valid():
            try:
                pay_services.pay_profile_create(
                    by=request.user, employee=employee, **form.cleaned_data
                )
            except PayInputError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The new pay profile is saved."))
                return redirect("accounting:payprofile-employee", employee_pk=employee.pk)
    return render(
        request,
        "accounting/pay/payprofile_employee.html",
        {
            "employee": employee,
            "profiles": profiles,
            "in_force": pay_selectors.pay_profile_on(employee, timezone.localdate()),
            "form": form,
        },
    )


@require_perm("accounting.view_payitem")
def payitem_list(request):
    items = pay_selectors.pay_items_visible_to(request.user).order_by(
        "-month", "employee__last_name", "pk"
    )
    filters = PayItemFilter(request.GET, queryset=items)
    return render(
        request,
        "accounting/pay/payitem_list.html",
        {
            "filter": filters,
            "page": _page(request, filters.qs),
            "querystring": querystring_without_page(request),
        },
    )


@require_perm("accounting.add_payitem")
def payitem_create(request):
    form = PayItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pay_services.pay_item_create(by=request.user, **form.cleaned_data)
        except PayInputError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The pay item is saved."))
            return redirect("accounting:payitem-list")
    return render(request, "accounting/pay/payitem_form.html", {"form": form})


@require_perm("accounting.view_own_payprofile")
def payprofile_mine(request):
    profiles = pay_selectors.pay_profiles_visible_to(request.user).filter(
        employee__user=request.user
    )
    items = pay_selectors.pay_items_visible_to(request.user).filter(employee__user=request.user)
    return render(
        request,
        "accounting/pay/payprofile_mine.html",
        {"profiles": profiles, "items": items, "today": timezone.localdate()},
    )


# Timesheets ------------------------------------------------------------------------------


@require_perm("accounting.view_timesheet")
def timesheet_missing(request):
    month = _month(request)
    hourly_only = request.GET.get("hourly") == "1"
    employees = pay_selectors.timesheets_missing(month, hourly_only=hourly_only)
    return render(
        request,
        "accounting/pay/timesheet_missing.html",
        {
            "month": month,
            "hourly_only": hourly_only,
            "page": _page(request, employees),
            "querystring": querystring_without_page(request),
        },
    )


def _initial_days(timesheet, first, last) -> dict:
    saved = {
        day.date: {k: getattr(day, k) for k in TimesheetDay.KINDS} for day in timesheet.days.all()
    }
    if saved or not timesheet.is_editable:
        return saved
    # A convenience for a new month: normal hours on every working day.
    profile = pay_selectors.pay_profile_on(timesheet.employee, last)
    hours = profile.normal_hours_per_day if profile else 8
    return {day: {"normal": hours} for day in working_dates(first, last)}


@require_perm("accounting.fill_timesheet")
def timesheet_mine(request):
    employee = employee_for_user(request.user)
    if employee is None:
        raise Http404
    first = _month(request)
    this_month = calendar_month_start(timezone.localdate())
    if first < calendar_month_start(employee.hire_date) or first > calendar_month_end(this_month):
        messages.error(request, _("There is no timesheet for that month."))
        first = this_month
    last = calendar_month_end(first)
    timesheet = pay_services.timesheet_open(employee=employee, month=first)
    form = TimesheetGridForm(
        request.POST or None,
        first=first,
        last=last,
        initial_days=_initial_days(timesheet, first, last),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pay_services.timesheet_save(by=request.user, timesheet=timesheet, days=form.days())
            if request.POST.get("action") == "submit":
                pay_services.timesheet_submit(by=request.user, timesheet=timesheet)
        except PayInputError as exc:
            messages.error(request, str(exc))
        else:
            if request.POST.get("action") == "submit":
                messages.success(request, _("Your timesheet is submitted to your manager."))
            else:
                messages.success(request, _("Your timesheet is saved."))
            return redirect(reverse("accounting:timesheet-mine") + f"?month={first:%Y-%m}")
    timesheet.refresh_from_db()
    return render(
        request,
        "accounting/pay/timesheet_mine.html",
        {
            "timesheet": timesheet,
            "form": form,
            "month": first,
            "kinds": TimesheetDay.KINDS,
            "holidays": holidays_between(first, last),
            "working_days": working_days(first, last),
            "expected": pay_selectors.expected_hours(employee, first),
        },
    )


@require_any_perm(*TIMESHEET_PERMS)
def timesheet_detail(request, pk):
    timesheet = get_object_or_404(
        pay_selectors.timesheet_with_totals(pay_selectors.timesheets_visible_to(request.user)),
        pk=pk,
    )
    first = timesheet.period_start
    return render(
        request,
        "accounting/pay/timesheet_detail.html",
        {
            "timesheet": timesheet,
            "days": timesheet.days.all(),
            "kinds": TimesheetDay.KINDS,
            "expected": pay_selectors.expected_hours(timesheet.employee, first),
            "can_decide": pay_selectors.timesheets_to_decide(request.user)
            .filter(pk=timesheet.pk)
            .exists(),
            "return_form": TimesheetReturnForm(),
        },
    )


@require_perm("accounting.approve_timesheet")
def timesheet_team(request):
    month = _month(request)
    rows = pay_selectors.team_timesheets(request.user, month)
    return render(
        request,
        "accounting/pay/timesheet_team.html",
        {
            "month": month,
            "rows": rows,
            "submitted": sum(
                1 for row in rows if row["timesheet"] and row["timesheet"].status == "submitted"
            ),
            "return_form": TimesheetReturnForm(),
        },
    )


def _team_redirect(timesheet):
    return redirect(reverse("accounting:timesheet-team") + f"?month={timesheet.period_start:%Y-%m}")


@require_perm("accounting.approve_timesheet")
@require_POST
def timesheet_approve(request, pk):
    timesheet = get_object_or_404(pay_selectors.timesheets_to_decide(request.user), pk=pk)
    try:
        pay_services.timesheet_approve(by=request.user, timesheet=timesheet)
    except PayInputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("The timesheet of %(name)s is approved.") % {"name": timesheet.employee}
        )
    return _team_redirect(timesheet)


@require_perm("accounting.approve_timesheet")
@require_POST
def timesheet_return(request, pk):
    timesheet = get_object_or_404(pay_selectors.timesheets_to_decide(request.user), pk=pk)
    form = TimesheetReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what to fix: a returned timesheet needs a comment."))
        return _team_redirect(timesheet)
    try:
        pay_services.timesheet_return(
            by=request.user, timesheet=timesheet, comment=form.cleaned_data["comment"]
        )
    except PayInputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("The timesheet of %(name)s is returned.") % {"name": timesheet.employee}
        )
    return _team_redirect(timesheet)


@require_perm("accounting.approve_timesheet")
@require_POST
def timesheet_approve_bulk(request):
    form = MonthForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a month."))
        return redirect("accounting:timesheet-team")
    month = calendar_month_start(form.cleaned_data["month"])
    count = pay_services.timesheets_approve_bulk(by=request.user, month=month)
    messages.success(request, _("%(count)s timesheet(s) approved.") % {"count": count})
    return redirect(reverse("accounting:timesheet-team") + f"?month={month:%Y-%m}")
