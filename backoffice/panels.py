"""The core's own cards on the home page, registered like any department's."""

from backoffice.navigation import areas_for
from backoffice.registry import home_panel
from backoffice.selectors import jobs_visible_to, notifications_for


@home_panel(
    "backoffice.notifications", template="backoffice/partials/home_notifications.html", order=20
)
def notifications_panel(user) -> dict:
    return {"notifications": list(notifications_for(user)[:5])}


@home_panel("backoffice.areas", template="backoffice/partials/home_areas.html", order=30)
def areas_panel(user) -> dict:
    return {"areas": areas_for(user)}


@home_panel(
    "backoffice.recent_jobs", template="backoffice/partials/home_recent_jobs.html", order=90
)
def recent_jobs_panel(user) -> dict | None:
    jobs = list(jobs_visible_to(user).filter(requested_by=user)[:5])
    return {"jobs": jobs} if jobs else None
