"""Reads of leave, limited to what the asking user may see."""

from datetime import date

from django.db.models import Q, QuerySet

from hr.models.employees import Employee
from hr.models.leave import LeaveCalendarFeed, LeaveLedgerEntry, LeaveRequest, LeaveType
from hr.selectors.employees import employee_for_user


def leave_requests_visible_to(user) -> QuerySet[LeaveRequest]:
    """HR sees all; anyone else their own, and a manager their direct reports'."""
    requests = LeaveRequest.objects.select_related("employee", "leave_type", "employee__manager")
    if user.has_perm("hr.manage_leave"):
        return requests
    rule = Q(employee__user=user)
    if user.has_perm("hr.approve_leave"):
        rule |= Q(employee__manager__user=user)
    return requests.filter(rule)


def ledger_visible_to(user, employee: Employee) -> QuerySet[LeaveLedgerEntry] | None:
    mine = employee.user_id == user.pk
    manages = employee.manager_id and employee.manager.user_id == user.pk
    if not (mine or manages or user.has_perm("hr.manage_leave")):
        return None
    return LeaveLedgerEntry.objects.filter(employee=employee).select_related(
        "leave_type", "request"
    )


def balance_types() -> list[LeaveType]:
    return list(LeaveType.objects.filter(has_balance=True, is_active=True))


def team_for(user, department_id: int | None = None) -> QuerySet[Employee]:
    """The people whose leave the calendar shows: HR by department, a manager their reports."""
    current = Employee.objects.filter(status__in=Employee.CURRENT).order_by(
        "last_name", "first_name"
    )
    if user.has_perm("hr.manage_leave") and department_id:
        return current.filter(department_id=department_id)
    me = employee_for_user(user)
    if me is None:
        return current.none()
    return current.filter(manager=me)


def leave_between(employees, start: date, end: date) -> QuerySet[LeaveRequest]:
    return LeaveRequest.objects.filter(
        employee__in=employees,
        status__in=[LeaveRequest.Status.PENDING, LeaveRequest.Status.APPROVED],
        start_date__lte=end,
        end_date__gte=start,
    ).select_related("leave_type", "employee")


def feed_by_token(token: str) -> LeaveCalendarFeed | None:
    return (
        LeaveCalendarFeed.objects.select_related("owner")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
