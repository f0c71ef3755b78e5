"""Clerical's answers to HR's events: the phone directory follows people."""

from django.dispatch import receiver
from django.utils.translation import gettext as _

from backoffice import events, roles
from backoffice.services import notification_send_to_group


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
