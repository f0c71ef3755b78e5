"""Reads of the payroll inputs, limited to what the asking user may see.

Pay (profiles and items) is seen by the payroll roles (model permissions)
and by the employee, their own; never by a manager for their team.
Timesheets are seen by their employee, the employee's manager and the
payroll roles.
"""

import calendar
from datetime import date
from decimal import Decimal

from django.db.models import (
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from accounting.models.pay import PayItem, PayProfile, Timesheet, TimesheetDay
from backoffice.calendar import working_days
from hr.models.employees import Employee

ZERO = Decimal("0.00")


def calendar_month_start(day: date) -> date:
    return day.replace(day=1)


def calendar_month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


# Pay profiles and items -------------------------------------------------------


def pay_profiles_visible_to(user) -> QuerySet[PayProfile]:
    profiles = PayProfile.objects.select_related("employee", "employee__department")
    if user.has_perm("accounting.view_payprofile"):
        return profiles
    return profiles.filter(employee__user=user) if user.is_authenticated else profiles.none()


def pay_items_visible_to(user) -> QuerySet[PayItem]:
    items = PayItem.objects.select_related("employee")
    if user.has_perm("accounting.view_payitem"):
        return items
    return items.filter(employee__user=user) if user.is_authenticated else items.none()


def _in_force(day: date):
    return Subquery(
        PayProfile.objects.filter(employee=OuterRef("employee"), effective_from__lte=day)
        .order_by("-effective_from")
        .values("pk")[:1]
    )


def pay_profile_on(employee: Employee, day: date) -> PayProfile | None:
    """The profile in force on `day`: the latest taking effect on or before it."""
    return (
        PayProfile.objects.filter(employee=employee, effective_from__lte=day)
        .order_by("-effective_from")
        .first()
    )


def _of(employees) -> dict:
    """The filter for these employees: a list of ids goes as one array parameter."""
    if isinstance(employees, list | tuple):
        return {"employee_id__any_of": employees}
    return {"employee__in": employees}


def pay_profiles_on(day: date, employees: QuerySet[Employee] | None = None) -> QuerySet:
    """Each employee's profile in force on `day`, in one query (a correlated subquery)."""
    profiles = PayProfile.objects.filter(pk=_in_force(day))
    if employees is not None:
        profiles = profiles.filter(**_of(employees))
    return profiles.select_related("employee")


def current_pay_profiles(user, day: date) -> QuerySet[PayProfile]:
    """The list page: the profile in force today for each employee the user may see."""
    return (
        pay_profiles_visible_to(user)
        .filter(pk=_in_force(day))
        .order_by("employee__last_name", "employee__first_name")
    )


def pay_items_for_month(month: date, employees: QuerySet[Employee] | None = None) -> QuerySet:
    """Items applying to `month`: one-off in it, or recurring and running through it."""
    first = calendar_month_start(month)
    items = PayItem.objects.filter(
        Q(recurring=False, month=first)
        | Q(recurring=True, month__lte=first)
        & (Q(end_month__isnull=True) | Q(end_month__gte=first))
    )
    if employees is not None:
        items = items.filter(**_of(employees))
    return items.select_related("employee").order_by("employee", "kind", "code")


# Timesheets ---------------------------------------------------------------------


def timesheets_visible_to(user) -> QuerySet[Timesheet]:
    timesheets = Timesheet.objects.select_related(
        "employee", "employee__manager", "employee__department", "decided_by"
    )
    if user.has_perm("accounting.view_timesheet"):
        return timesheets
    if not user.is_authenticated:
        return timesheets.none()
    return timesheets.filter(Q(employee__user=user) | Q(employee__manager__user=user))


def timesheets_to_decide(user) -> QuerySet[Timesheet]:
    """The team's timesheets a manager decides on (their direct reports only)."""
    if not user.is_authenticated or not user.has_perm("accounting.approve_timesheet"):
        return Timesheet.objects.none()
    return timesheets_visible_to(user).filter(employee__manager__user=user)


def timesheet_with_totals(queryset: QuerySet[Timesheet]) -> QuerySet[Timesheet]:
    hours = sum((F(f"days__{kind}") for kind in TimesheetDay.KINDS[1:]), F("days__normal"))
    return queryset.annotate(total_hours=Coalesce(Sum(hours), ZERO))


def team_timesheets(user, month: date) -> list[dict]:
    """One row per team member for `month`: their timesheet (or none), hours and the
    schedule (working days x the normal hours of the profile in force)."""
    first, last = calendar_month_start(month), calendar_month_end(month)
    team = (
        Employee.objects.filter(manager__user=user, hire_date__lte=last)
        .filter(Q(termination_date__isnull=True) | Q(termination_date__gte=first))
        .order_by("last_name", "first_name")
    )
    sheets = {
        sheet.employee_id: sheet
        for sheet in timesheet_with_totals(timesheets_to_decide(user).filter(period_start=first))
    }
    hours_per_day = _normal_hours_on(last, team)
    days = working_days(first, last)
    rows = []
    for employee in team:
        sheet = sheets.get(employee.pk)
        expected = days * hours_per_day.get(employee.pk, Decimal("8.00"))
        worked = sheet.total_hours if sheet else ZERO
        rows.append(
            {
                "employee": employee,
                "timesheet": sheet,
                "expected": expected,
                "worked": worked,
                "difference": worked - expected,
            }
        )
    return rows


def _normal_hours_on(day: date, employees) -> dict[int, Decimal]:
    return dict(pay_profiles_on(day, employees).values_list("employee_id", "normal_hours_per_day"))


def expected_hours(employee: Employee, first: date) -> Decimal:
    profile = pay_profile_on(employee, calendar_month_end(first))
    per_day = profile.normal_hours_per_day if profile else Decimal("8.00")
    return working_days(first, calendar_month_end(first)) * per_day


def employees_to_submit(month: date) -> QuerySet[Employee]:
    """Everyone employed during the month must submit a timesheet for it."""
    first, last = calendar_month_start(month), calendar_month_end(month)
    return Employee.objects.filter(hire_date__lte=last).filter(
        Q(termination_date__isnull=True) | Q(termination_date__gte=first)
    )


def timesheets_missing(month: date, *, hourly_only: bool = False) -> QuerySet[Employee]:
    """Employees whose timesheet for `month` is missing or not yet approved,
    annotated with its status ("" when missing) and their pay type, in one query."""
    first, last = calendar_month_start(month), calendar_month_end(month)
    sheet = Timesheet.objects.filter(employee=OuterRef("pk"), period_start=first)
    pay_type = (
        PayProfile.objects.filter(employee=OuterRef("pk"), effective_from__lte=last)
        .order_by("-effective_from")
        .values("pay_type")
    )
    employees = (
        employees_to_submit(month)
        .exclude(Exists(sheet.filter(status=Timesheet.Status.APPROVED)))
        .annotate(
            timesheet_status=Coalesce(
                Subquery(sheet.values("status")[:1]), Value(""), output_field=CharField()
            ),
            pay_type=Subquery(pay_type[:1]),
        )
        .select_related("department", "manager")
        .order_by("last_name", "first_name", "pk")
    )
    if hourly_only:
        employees = employees.filter(pay_type=PayProfile.PayType.HOURLY)
    return employees


def employees_without_pay_profile(day: date) -> QuerySet[Employee]:
    """Current employees with no pay profile in force on `day` (payroll must add one)."""
    in_force = PayProfile.objects.filter(employee=OuterRef("pk"), effective_from__lte=day)
    return (
        Employee.objects.filter(status__in=Employee.CURRENT)
        .exclude(Exists(in_force))
        .order_by("last_name", "first_name", "pk")
    )
