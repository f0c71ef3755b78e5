"""Counting leave in working days of the person's schedule, and reading the ledger's buckets.

Working days are the core's calendar (`backoffice.calendar`): Monday to
Friday minus `PublicHoliday`. A part-timer works the same days with fewer
hours, so a day of leave is a day, and its hours are weekly hours / 5.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from backoffice.calendar import hours_per_working_day, working_dates
from hr.models.employees import Employee
from hr.models.leave import LeaveLedgerEntry, LeaveRequest, LeaveType
from hr.services.leave_setup import ZERO, LeaveError

HALF = Decimal("0.5")
ACTIVE = [LeaveRequest.Status.PENDING, LeaveRequest.Status.APPROVED]


@dataclass(frozen=True)
class LeaveCount:
    dates: list[date]
    days: Decimal
    hours: Decimal


def leave_count(
    *, employee: Employee, leave_type: LeaveType, start: date, end: date, half: str = ""
) -> LeaveCount:
    """The working days (and hours) a leave from `start` to `end` takes; refuses empty ones."""
    if end < start:
        raise LeaveError(_("The leave cannot end before it starts."))
    if half:
        if not leave_type.allows_half_days:
            raise LeaveError(_("%(type)s is taken in whole days.") % {"type": leave_type})
        if end != start:
            raise LeaveError(_("A half day is a single date."))
    dates = working_dates(start, end)
    if not dates:
        raise LeaveError(_("There is no working day between these dates."))
    days = HALF if half else Decimal(len(dates))
    if leave_type.days_per_event is not None and days > leave_type.days_per_event:
        raise LeaveError(
            _("%(type)s allows at most %(days)s working days.")
            % {"type": leave_type, "days": leave_type.days_per_event.normalize()}
        )
    hours = (days * hours_per_working_day(employee.weekly_hours)).quantize(Decimal("0.01"))
    return LeaveCount(dates=dates, days=days, hours=hours)


def overlapping(employee: Employee, start: date, end: date, half: str, exclude=None):
    """Active requests clashing with these dates; two different halves of one date do not."""
    clashes = LeaveRequest.objects.filter(
        employee=employee, status__in=ACTIVE, start_date__lte=end, end_date__gte=start
    )
    if exclude is not None:
        clashes = clashes.exclude(pk=exclude.pk)
    if half:
        other = (
            LeaveRequest.Half.AFTERNOON
            if half == LeaveRequest.Half.MORNING
            else LeaveRequest.Half.MORNING
        )
        clashes = clashes.exclude(half=other)
    return clashes


def balance(employee: Employee, leave_type: LeaveType) -> Decimal:
    """The ledger's sum: the one balance shown anywhere."""
    return LeaveLedgerEntry.objects.filter(employee=employee, leave_type=leave_type).aggregate(
        days=Coalesce(Sum("days"), ZERO)
    )["days"]


def pending_days(employee: Employee, leave_type: LeaveType, exclude=None) -> Decimal:
    pending = LeaveRequest.objects.filter(
        employee=employee, leave_type=leave_type, status=LeaveRequest.Status.PENDING
    )
    if exclude is not None:
        pending = pending.exclude(pk=exclude.pk)
    return pending.aggregate(days=Coalesce(Sum("days"), ZERO))["days"]


def buckets_usable_on(employee: Employee, leave_type: LeaveType, on: date) -> list[dict]:
    """Buckets with days left that may still be taken on `on`: the oldest entitlement first."""
    return list(
        LeaveLedgerEntry.objects.filter(
            employee=employee, leave_type=leave_type, usable_until__gte=on
        )
        .values("year", "usable_until")
        .annotate(days=Sum("days"))
        .filter(days__gt=0)
        .order_by("year", "usable_until")
    )


def available_on(employee: Employee, leave_type: LeaveType, on: date) -> Decimal:
    return sum((b["days"] for b in buckets_usable_on(employee, leave_type, on)), ZERO)


def balances_for(employees, leave_types) -> dict[tuple[int, int], Decimal]:
    """{(employee id, type id): ledger sum} for many people in one query."""
    rows = (
        LeaveLedgerEntry.objects.filter(Q(employee__in=employees), Q(leave_type__in=leave_types))
        .values_list("employee_id", "leave_type_id")
        .annotate(days=Sum("days"))
    )
    return {(e, t): days for e, t, days in rows}
