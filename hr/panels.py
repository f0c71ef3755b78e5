"""HR's cards on the home page: my record, my team, and the headcount."""

from backoffice.registry import home_panel
from hr.selectors.employees import employee_for_user, headcount_by_department, team_of

TEAM_PREVIEW = 12
_UNSET = object()


def _employee(user):
    # Two panels need the user's record: look it up once per request (the
    # request's user object lives exactly as long as the request).
    employee = getattr(user, "_home_employee", _UNSET)
    if employee is _UNSET:
        employee = employee_for_user(user)
        user._home_employee = employee
    return employee


@home_panel("hr.self_service", template="hr/partials/home_self_service.html", order=10)
def self_service_panel(user) -> dict:
    return {"employee": _employee(user)}


@home_panel("hr.team", template="hr/partials/home_team.html", order=40, permission="hr.view_team")
def team_panel(user) -> dict | None:
    employee = _employee(user)
    if employee is None:
        return None
    team = team_of(employee)
    return {"team": list(team[:TEAM_PREVIEW]), "team_size": team.count()}


@home_panel(
    "hr.headcount",
    template="hr/partials/home_headcount.html",
    order=50,
    permission="backoffice.view_dashboard",
)
def headcount_panel(user) -> dict:
    return {"headcount": headcount_by_department()}


@home_panel("hr.leave", template="hr/leave/partials/home_leave.html", order=15)
def leave_panel(user) -> dict | None:
    """My leave balance and requests waiting; for a manager, the requests waiting for them."""
    from hr.selectors.leave import balance_types, leave_requests_visible_to
    from hr.services.leave_counting import balances_for

    if not user.has_perm("hr.request_leave"):
        return None
    employee = _employee(user)
    if employee is None:
        return None
    types = balance_types()
    sums = balances_for([employee], types)
    waiting = leave_requests_visible_to(user).filter(status="pending")
    return {
        "employee": employee,
        "balances": [(t, sums.get((employee.pk, t.pk), 0)) for t in types],
        "mine": list(waiting.filter(employee=employee)[:5]),
        "to_decide": list(waiting.exclude(employee=employee).order_by("start_date")[:5])
        if user.has_perm("hr.approve_leave") or user.has_perm("hr.manage_leave")
        else [],
    }
