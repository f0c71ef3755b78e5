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
