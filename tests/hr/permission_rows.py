"""HR's rows of the permission matrix (tests/test_permission_matrix.py)."""

from datetime import date, timedelta

from django.utils import timezone

from hr import services
from hr.models import DisciplineProposal, OffboardingItem
from tests.factories import EmployeeFactory
from tests.permissions import Row, only, signed_in


def make_objects(role_users) -> dict:
    hr_user, employee = role_users["hr"], role_users["employee"].employee
    today = timezone.localdate()
    # Raised by the employee about the IT person, handled by HR.
    complaint = services.complaint_raise(
        by=role_users["employee"],
        category="conflict",
        subject="Shouting",
        description="In the stock room.",
        about=[role_users["it"].employee],
    )
    complaint.handlers.set([hr_user])
    warning = services.warning_issue(
        by=hr_user,
        employee=employee,
        level="written",
        reason="Late",
        expected_change="On time",
        issued_on=today,
        expires_on=today + timedelta(days=180),
        shared_with_manager=True,
    )
    incident, _proposals = services.incident_record(
        by=hr_user, employee=employee, occurred_on=today, description="Late again"
    )
    proposal = DisciplineProposal.objects.create(
        employee=employee,
        incident=incident,
        rule_id=1,
        proposes="final_warning",
    )
    case = services.dismissal_case_open(
        by=hr_user, employee=employee, reason="Repeated lateness", last_day=today + timedelta(30)
    )
    leaver = EmployeeFactory(hire_date=date(2020, 1, 1))
    services.employee_terminate(
        by=hr_user, employee=leaver, kind="resignation", reason="Moving", last_day=today
    )
    return {
        "employee": employee,
        "complaint": complaint,
        "warning": warning,
        "proposal": proposal,
        "dismissal": case,
        "item": OffboardingItem.objects.filter(termination__employee=leaver).first(),
    }


def pk_of(name):
    return lambda o: {"pk": o[name].pk}


HR_ONLY = only("hr", "admin")
HR_POST = only("hr", "admin", ok=302)

ROWS: dict[str, Row] = {
    "hr:index": Row(HR_ONLY),
    "hr:directory": Row(signed_in()),
    "hr:employee-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-personal-edit": Row(
        only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-change": Row(only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}),
    "hr:employee-export": Row(only("hr", "admin", ok=302), method="post"),
    # Complaints: the raiser and HR; never the person it is about (it) nor the manager.
    "hr:complaint-list": Row(signed_in()),
    "hr:complaint-create": Row(signed_in()),
    "hr:complaint-export": Row(HR_ONLY),
    "hr:complaint-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=pk_of("complaint")
    ),
    "hr:complaint-transition": Row(HR_POST, kwargs=pk_of("complaint"), method="post"),
    "hr:complaint-note": Row(HR_POST, kwargs=pk_of("complaint"), method="post"),
    "hr:complaint-assign": Row(HR_POST, kwargs=pk_of("complaint"), method="post"),
    # Discipline
    "hr:employee-discipline": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:incident-create": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:warning-create": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:warning-mine": Row(signed_in()),
    "hr:warning-team": Row(only("manager", "admin")),
    "hr:warning-detail": Row(only("hr", "admin", "employee", other=404), kwargs=pk_of("warning")),
    "hr:warning-acknowledge": Row(
        only("hr", "admin", "employee", ok=302, other=404),
        kwargs=pk_of("warning"),
        method="post",
    ),
    "hr:warning-share": Row(HR_POST, kwargs=pk_of("warning"), method="post"),
    "hr:proposal-decline": Row(HR_POST, kwargs=pk_of("proposal"), method="post"),
    # Departures
    "hr:dismissal-create": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:dismissal-team": Row(only("manager", "admin")),
    "hr:dismissal-detail": Row(only("hr", "admin", "manager"), kwargs=pk_of("dismissal")),
    "hr:dismissal-agree-hr": Row(HR_POST, kwargs=pk_of("dismissal"), method="post"),
    "hr:dismissal-agree-manager": Row(
        only("manager", "admin", ok=302), kwargs=pk_of("dismissal"), method="post"
    ),
    "hr:dismissal-withdraw": Row(HR_POST, kwargs=pk_of("dismissal"), method="post"),
    "hr:termination-create": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:offboarding-list": Row(HR_ONLY),
    "hr:offboarding-item-done": Row(HR_POST, kwargs=pk_of("item"), method="post"),
}
