"""The demo company's leave, for `seed_demo`: balances, approved and pending requests,
and someone on sick leave today.

Idempotent: the accrual is written once per person and year, and requests
are made only for people who have none yet.
"""

from datetime import timedelta

from django.utils import timezone

from backoffice.calendar import working_dates
from hr.models.employees import Employee
from hr.models.leave import LeaveRequest, LeaveType
from hr.services import leave as leave_services
from hr.services.leave_setup import leave_accrue_year, leave_presets_install


def _request(by, employee, code, dates, approve):
    if not dates:
        return
    request = leave_services.leave_request(
        by=by,
        employee=employee,
        leave_type=LeaveType.objects.get(code=code),
        start=dates[0],
        end=dates[-1],
    )
    if approve:
        leave_services.leave_decide(by=by, request=request, approve=True, comment="Enjoy.")


def seed_leave(*, users: dict) -> str:
    leave_presets_install()
    today = timezone.localdate()
    accrued = leave_accrue_year(year=today.year)
    admin = users["admin"]
    staff = list(
        Employee.objects.filter(
            status__in=Employee.CURRENT, hire_date__lte=today - timedelta(days=90)
        )
        .exclude(user=admin)
        .order_by("pk")[:6]
    )
    if LeaveRequest.objects.exists() or len(staff) < 3:
        return f"leave: {accrued} accruals"
    in_year = [
        d
        for d in working_dates(today - timedelta(days=60), today - timedelta(days=40))
        if d.year == today.year
    ]
    _request(admin, staff[0], "annual", in_year[:3], approve=True)
    ahead = working_dates(today + timedelta(days=20), today + timedelta(days=30))
    _request(admin, staff[0], "annual", [d for d in ahead if d.year == today.year][:2], False)
    sick = working_dates(today - timedelta(days=2), today + timedelta(days=4))
    if today in sick:
        _request(admin, staff[1], "sick", [sick[0], sick[-1]], approve=True)
    _request(admin, staff[2], "unpaid", ahead[2:4], approve=False)
    return f"leave: {accrued} accruals, demo requests"
