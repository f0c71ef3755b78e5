"""Team calendar rules: minimum staffing, and the iCalendar feeds behind secret tokens."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from backoffice.calendar import working_dates
from hr.models.employees import Employee
from hr.models.leave import LeaveCalendarFeed, LeaveRequest, TeamStaffing
from hr.selectors.leave import leave_between
from hr.services.leave_setup import LeaveError

FEED_PAST_DAYS = 90
FEED_AHEAD_DAYS = 400


def staffing_warnings(request: LeaveRequest) -> list[dict]:
    """Working dates on which approving would leave the manager's team under its minimum."""
    manager_id = request.employee.manager_id
    staffing = TeamStaffing.objects.filter(manager_id=manager_id).first()
    if manager_id is None or staffing is None:
        return []
    team = Employee.objects.filter(manager_id=manager_id, status__in=Employee.CURRENT)
    size = team.count()
    away = {}
    for other in (
        leave_between(team, request.start_date, request.end_date)
        .filter(status=LeaveRequest.Status.APPROVED)
        .exclude(pk=request.pk)
    ):
        for day in working_dates(
            max(other.start_date, request.start_date), min(other.end_date, request.end_date)
        ):
            away.setdefault(day, set()).add(other.employee_id)
    warnings = []
    for day in working_dates(request.start_date, request.end_date):
        present = size - len(away.get(day, set()) | {request.employee_id})
        if present < staffing.minimum_present:
            warnings.append({"date": day, "present": present, "minimum": staffing.minimum_present})
    return warnings


@transaction.atomic
def staffing_set(*, manager: Employee, minimum_present: int) -> TeamStaffing:
    if minimum_present < 0 or minimum_present > 1000:
        raise LeaveError(_("Give a minimum between 0 and 1000."))
    staffing, _created = TeamStaffing.objects.update_or_create(
        manager=manager, defaults={"minimum_present": minimum_present}
    )
    return staffing


@transaction.atomic
def feed_create(*, owner: Employee, scope: str) -> LeaveCalendarFeed:
    if scope not in LeaveCalendarFeed.Scope.values:
        raise LeaveError(_("Unknown kind of calendar."))
    return LeaveCalendarFeed.objects.create(owner=owner, scope=scope)


@transaction.atomic
def feed_revoke(*, owner: Employee, feed_id: int) -> None:
    revoked = LeaveCalendarFeed.objects.filter(
        pk=feed_id, owner=owner, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if not revoked:
        raise LeaveError(_("This calendar address is not yours or is already revoked."))


def feed_ics(feed: LeaveCalendarFeed) -> bytes:
    """The feed's leave as an iCalendar file: whole-day events, approved and waiting."""
    today = timezone.localdate()
    if feed.scope == LeaveCalendarFeed.Scope.TEAM:
        people = Employee.objects.filter(manager=feed.owner)
    else:
        people = Employee.objects.filter(pk=feed.owner_id)
    calendar = Calendar()
    calendar.add("prodid", "-//Back office//Leave//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(feed))
    stamp = datetime.now(tz=timezone.get_current_timezone())
    rows = leave_between(
        people, today - timedelta(days=FEED_PAST_DAYS), today + timedelta(days=FEED_AHEAD_DAYS)
    )
    for request in rows.order_by("start_date", "pk"):
        event = Event()
        event.add("uid", f"leave-{request.pk}@backoffice")
        event.add("dtstamp", stamp)
        event.add("dtstart", request.start_date)
        event.add("dtend", request.end_date + timedelta(days=1))
        pending = "" if request.status == LeaveRequest.Status.APPROVED else " (?)"
        event.add("summary", f"{request.employee.full_name}: {request.leave_type.name}{pending}")
        calendar.add_component(event)
    return calendar.to_ical()
