"""Leave's rows of the permission matrix (tests/test_permission_matrix.py)."""

from datetime import date

from hr.models.leave import LeaveType
from hr.services import leave as leave_services
from hr.services.leave_calendar import feed_create
from tests.permissions import Row, only, public, signed_in

# Everyone holds the Employee role; the request is the employee's, who reports to the manager.
SELF_SERVICE = ("employee", "manager", "hr", "admin")
DECIDERS = ("manager", "hr", "admin")


def make_objects(role_users) -> dict:
    employee = role_users["employee"].employee
    leave = leave_services.leave_request(
        by=role_users["employee"],
        employee=employee,
        leave_type=LeaveType.objects.get(code="unpaid"),
        start=date(2030, 3, 4),
        end=date(2030, 3, 5),
    )
    return {"leave": leave, "leave_feed": feed_create(owner=employee, scope="person")}


def _leave(objects):
    return {"pk": objects["leave"].pk}


ROWS: dict[str, Row] = {
    "hr:leave-mine": Row(signed_in()),
    "hr:leave-request": Row(signed_in()),
    "hr:leave-record": Row(only("hr", "admin")),
    "hr:leave-team": Row(only(*DECIDERS)),
    "hr:leave-staffing": Row(only("manager", "admin", ok=302), method="post"),
    "hr:leave-feeds": Row(signed_in()),
    "hr:leave-feed-revoke": Row(
        signed_in(302), kwargs=lambda o: {"pk": o["leave_feed"].pk}, method="post"
    ),
    "hr:leave-feed": Row(public(), kwargs=lambda o: {"token": o["leave_feed"].token}),
    "hr:leave-detail": Row(only(*SELF_SERVICE, other=404), kwargs=_leave),
    "hr:leave-decide": Row(only(*DECIDERS, ok=302), kwargs=_leave, method="post"),
    "hr:leave-cancel": Row(only(*SELF_SERVICE, ok=302, other=404), kwargs=_leave, method="post"),
    "hr:leave-cut-short": Row(only("hr", "admin", ok=302), kwargs=_leave, method="post"),
    "hr:leave-adjust": Row(
        only("hr", "admin", ok=302), kwargs=lambda o: {"pk": o["leave"].employee_id}, method="post"
    ),
    "hr:leave-ledger": Row(
        only(*SELF_SERVICE, other=404), kwargs=lambda o: {"pk": o["leave"].employee_id}
    ),
}
