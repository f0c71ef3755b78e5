"""What the home page shows each role; every part is a bounded number of queries."""

from django.db.models import Count, Q

from backoffice.models import Job
from backoffice.navigation import areas_for
from backoffice.selectors import jobs_visible_to, notifications_for

TEAM_PREVIEW = 12


def home_context(user) -> dict:
    from hr.selectors.employees import employee_for_user, headcount_by_department, team_of

    employee = employee_for_user(user)
    context = {
        "employee": employee,
        "areas": areas_for(user),
        "recent_notifications": list(notifications_for(user)[:5]),
        "recent_jobs": list(jobs_visible_to(user).filter(requested_by=user)[:5]),
    }
    if employee is not None and user.has_perm("hr.view_team"):
        team = team_of(employee)
        context["team"] = list(team[:TEAM_PREVIEW])
        context["team_size"] = team.count()
    if user.has_perm("backoffice.view_dashboard"):
        context["dashboard"] = {
            "headcount": headcount_by_department(),
            "jobs": Job.objects.aggregate(
                running=Count("pk", filter=Q(status=Job.Status.RUNNING)),
                failed=Count("pk", filter=Q(status=Job.Status.FAILED)),
            ),
        }
    return context
