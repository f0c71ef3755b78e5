"""The demo company's complaints, warnings and a dismissal awaiting the manager.

Called by `seed_demo` after the people exist. Safe to run again: each record
is looked up before it is made, so a second run changes nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from hr.models.complaints import Complaint
from hr.models.discipline import DismissalCase, Warning
from hr.models.employees import Employee
from hr.services import complaints as complaints_services
from hr.services import discipline as discipline_services
from hr.services import dismissals as dismissals_services

User = get_user_model()

# (raiser, subject, category, anonymous, about (employee number), status reached, outcome)
COMPLAINTS = [
    ("employee", "Cold shop floor in the mornings", "conditions", False, None, "received", ""),
    (
        "employee",
        "Remarks about my accent",
        "harassment",
        True,
        "E000010",
        "investigating",
        "",
    ),
    (
        "clerk",
        "Overtime not paid in October",
        "pay",
        False,
        None,
        "resolved",
        "The 6 hours are added to the November payslip.",
    ),
    ("it", "Shared password on the till", "ethics", False, None, "acknowledged", ""),
]
STEPS = ["acknowledged", "investigating"]


def seed_discipline() -> None:
    hr = User.objects.filter(username="hr").first()
    manager = Employee.objects.filter(user__username="manager").first()
    discipline_services.escalation_rules_ensure_defaults()
    if hr is None or manager is None:
        return
    _complaints(hr)
    team = list(
        Employee.objects.filter(
            manager=manager, user__isnull=True, status__in=Employee.CURRENT
        ).order_by("employee_number")[:3]
    )
    if len(team) >= 2:
        _warnings(hr, team[0], team[1])
    if len(team) >= 3:
        _dismissal_awaiting_manager(hr, team[2])


def _complaints(hr) -> None:
    for username, subject, category, anonymous, about, status, outcome in COMPLAINTS:
        raiser = User.objects.filter(username=username).first()
        if raiser is None or Complaint.objects.filter(raised_by=raiser, subject=subject).exists():
            continue
        complaint = complaints_services.complaint_raise(
            by=raiser,
            category=category,
            subject=subject,
            description=subject + ".",
            about=Employee.objects.filter(employee_number=about) if about else [],
            anonymous=anonymous,
        )
        complaints_services.complaint_assign(by=hr, complaint=complaint, handlers=[hr])
        if status == "received":
            continue
        for step in STEPS:
            complaints_services.complaint_transition(by=hr, complaint=complaint, status=step)
            if step == status:
                break
        else:
            complaints_services.complaint_transition(
                by=hr, complaint=complaint, status=status, outcome=outcome
            )
        if status == "investigating":
            complaints_services.complaint_note_add(
                by=hr, complaint=complaint, text="Two colleagues confirm; interview on Monday."
            )


def _warnings(hr, first: Employee, second: Employee) -> None:
    today = timezone.localdate()
    wanted = [
        # (employee, level, issued days ago, valid days, shared with the manager)
        (first, Warning.Level.VERBAL, 500, 180, False),  # expired: no longer counts
        (first, Warning.Level.WRITTEN, 40, 365, True),
        (second, Warning.Level.WRITTEN, 20, 365, False),
    ]
    for employee, level, ago, days, shared in wanted:
        issued_on = max(today - timedelta(days=ago), employee.hire_date)
        if Warning.objects.filter(employee=employee, level=level, issued_on=issued_on).exists():
            continue
        discipline_services.warning_issue(
            by=hr,
            employee=employee,
            level=level,
            reason="Till short at the end of the shift.",
            expected_change="Count the till at every change of shift.",
            issued_on=issued_on,
            expires_on=issued_on + timedelta(days=days),
            shared_with_manager=shared,
        )


def _dismissal_awaiting_manager(hr, employee: Employee) -> None:
    if DismissalCase.objects.filter(employee=employee).exists():
        return
    today = timezone.localdate()
    if not Warning.objects.filter(employee=employee, level=Warning.Level.FINAL).exists():
        discipline_services.warning_issue(
            by=hr,
            employee=employee,
            level=Warning.Level.FINAL,
            reason="Left the store open after closing.",
            expected_change="Follow the closing checklist.",
            issued_on=max(today - timedelta(days=60), employee.hire_date),
            expires_on=today + timedelta(days=300),
        )
    discipline_services.incident_record(
        by=hr, employee=employee, occurred_on=today, description="Store left open again."
    )
    case = dismissals_services.dismissal_case_open(
        by=hr,
        employee=employee,
        reason="Store left open again while under a final warning.",
        last_day=today + timedelta(days=30),
    )
    dismissals_services.dismissal_case_agree(by=hr, case=case, as_manager=False)
