"""IT's answers to HR's events: accounts and equipment follow people."""

from django.dispatch import receiver
from django.utils.translation import gettext as _

from backoffice import events, roles
from backoffice.services import notification_send_to_group
from it_support.services.offboarding import offboarding_ticket_open


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
    """A ticket for IT's part (its creation notifies the IT team, by email too)."""
    offboarding_ticket_open(by=by, employee=employee, last_day=last_day)
