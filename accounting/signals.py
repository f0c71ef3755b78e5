"""Accounting's answers to HR's events: pay follows people.

A hire asks the accountants for a pay profile; a dismissal records the final
pay that the run holding the last day pays (and flags on the payslip).
"""

from django.dispatch import receiver
from django.utils.translation import gettext as _

from backoffice import events, roles
from backoffice.models import Notification
from backoffice.services import notification_send_to_group


@receiver(events.employee_hired, dispatch_uid="accounting.employee_hired")
def ask_for_pay_profile(sender, *, employee, by, **kwargs):
    notification_send_to_group(
        group=roles.ACCOUNTANT,
        title=_("Set up the pay profile of %(name)s") % {"name": employee.full_name},
        body=_("Hired on %(date)s.") % {"date": employee.hire_date},
        source="hr.employee_hired",
    )


@receiver(events.employee_dismissed, dispatch_uid="accounting.employee_dismissed")
def flag_final_pay(sender, *, employee, by, last_day, **kwargs):
    from accounting.services.payroll_runs import final_pay_record

    final_pay_record(
        employee=employee,
        last_day=last_day,
        kind=kwargs.get("kind") or "",
        reason=kwargs.get("reason") or "",
    )
    notification_send_to_group(
        group=roles.ACCOUNTANT,
        title=_("Final pay due for %(name)s") % {"name": employee.full_name},
        body=_("Last working day: %(date)s.") % {"date": last_day},
        level=Notification.Level.WARNING,
        source="hr.employee_dismissed",
    )
