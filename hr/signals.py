"""HR's own receivers of the cross-department events."""

from django.dispatch import receiver

from backoffice import events


@receiver(events.employee_hired, dispatch_uid="hr.training.assign_mandatory_to_new_hire")
def assign_mandatory_training(sender, *, employee, by, **kwargs):
    """A new hire gets the courses everyone, and their position, must take."""
    from hr.services.training import training_assign_mandatory

    training_assign_mandatory(by=by, employee=employee)


@receiver(events.employee_changed, dispatch_uid="hr.training.assign_mandatory_on_new_position")
def assign_mandatory_training_for_new_position(sender, *, employee, by, changes, **kwargs):
    """Someone who moves to a position with its own mandatory courses gets them too."""
    if "position" not in changes:
        return
    from hr.services.training import training_assign_mandatory

    training_assign_mandatory(by=by, employee=employee)


@receiver(events.offboarding_item_done, dispatch_uid="hr.offboarding.item_done")
def tick_offboarding_item(sender, *, employee, item, by, when=None, **kwargs):
    """IT or payroll reports its part of a departure done; HR's checklist follows."""
    from hr.services.offboarding import offboarding_item_report

    offboarding_item_report(employee=employee, task=item, by=by, when=when)


@receiver(events.public_holidays_changed, dispatch_uid="hr.leave.recount_for_holidays")
def recount_leave_for_holidays(sender, *, dates, by=None, **kwargs):
    """Leave booked over a changed holiday is re-counted, with a correction row in the ledger."""
    from hr.services.leave import leave_recount_for_holidays

    leave_recount_for_holidays(dates=dates, by=by)


@receiver(events.employee_dismissed, dispatch_uid="hr.leave.leaver_entitlement")
def recount_leaver_entitlement(sender, *, employee, by, last_day, **kwargs):
    """A leaver's entitlement for the last year is pro rata to the last day (a correction row)."""
    from copy import copy

    from hr.services.leave_setup import leave_entitlement_recompute

    leaver = copy(employee)  # the sender's object is left as it is
    leaver.termination_date = last_day
    leave_entitlement_recompute(
        employee=leaver, year=last_day.year, by=by, why=f"Leaves on {last_day.isoformat()}"
    )


@receiver(events.employee_hired, dispatch_uid="hr.leave.joiner_entitlement")
def accrue_joiner_entitlement(sender, *, employee, by, **kwargs):
    """A joiner's first year is accrued at once, pro rata to the hire date (the year-end
    job accrues the years after); written once however often it runs."""
    from hr.services.leave_setup import leave_accrue_year

    leave_accrue_year(year=employee.hire_date.year, by=by, employees=[employee])
