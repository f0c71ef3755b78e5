"""IT's answers to HR's events: accounts and equipment follow people.

Until the ticket system exists, the IT team is notified; the IT issue turns
these into tickets.
"""

from django.dispatch import receiver
from django.utils.translation import gettext as _

from backoffice import events, roles
from backoffice.models import Notification
from backoffice.services import notification_send_to_group


@receiver(events.employee_hired, dispatch_uid="it_support.employee_hired")
def prepare_accounts_for_new_hire(sender, *, employee, by, **kwargs):
    notification_send_to_group(
        group=roles.IT,
        title=_("Set up accounts and equipment for %(name)s") % {"name": employee.full_name},
        body=_("%(name)s starts on %(date)s as %(position)s.")
        % {"name": employee.full_name, "date": employee.hire_date, "position": employee.position},
        source="hr.employee_hired",
    )


@receiver(events.employee_dismissed, dispatch_uid="it_support.employee_dismissed")
def revoke_access_of_leaver(sender, *, employee, by, last_day, **kwargs):
    notification_send_to_group(
        group=roles.IT,
        title=_("Revoke access and collect equipment of %(name)s") % {"name": employee.full_name},
        body=_("Last working day: %(date)s.") % {"date": last_day},
        level=Notification.Level.WARNING,
        source="hr.employee_dismissed",
        email=True,
    )
