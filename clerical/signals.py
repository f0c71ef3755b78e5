"""Clerical's answers to HR's events: the phone directory follows people."""

from datetime import datetime, time, timedelta

from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import events, roles
from backoffice.services import notification_send_to_group
from clerical.models.phones import Presence
from clerical.services.presence import presence_set


@receiver(events.employee_hired, dispatch_uid="clerical.employee_hired")
def list_new_hire_in_directory(sender, *, employee, by, **kwargs):
    notification_send_to_group(
        group=roles.CLERK,
        title=_("Add %(name)s to the phone directory") % {"name": employee.full_name},
        source="hr.employee_hired",
    )


@receiver(events.employee_dismissed, dispatch_uid="clerical.employee_dismissed")
def remove_leaver_from_directory(sender, *, employee, by, last_day, **kwargs):
    notification_send_to_group(
        group=roles.CLERK,
        title=_("Remove %(name)s from the phone directory after %(date)s")
        % {"name": employee.full_name, "date": last_day},
        source="hr.employee_dismissed",
    )


@receiver(events.leave_started, dispatch_uid="clerical.leave_started")
def show_on_leave_in_directory(sender, *, employee, end_date, **kwargs):
    # Until the start of the day after the leave: the directory shows "in" again then
    # even if the leave_ended event comes late.
    back = datetime.combine(end_date + timedelta(days=1), time.min, timezone.get_current_timezone())
    if back <= timezone.now():
        return  # a late event for leave already over
    presence_set(employee=employee, status=Presence.Status.LEAVE, by=None, until=back)


@receiver(events.leave_ended, dispatch_uid="clerical.leave_ended")
def show_back_in_directory(sender, *, employee, **kwargs):
    # Only a presence still "on leave": a status the person set since is theirs.
    if Presence.objects.filter(employee=employee, status=Presence.Status.LEAVE).exists():
        presence_set(employee=employee, status=Presence.Status.IN, by=None)
