"""HR's own receivers of the cross-department events."""

from django.dispatch import receiver

from backoffice import events


@receiver(events.employee_hired, dispatch_uid="hr.training.assign_mandatory_to_new_hire")
def assign_mandatory_training(sender, *, employee, by, **kwargs):
    """A new hire gets the courses everyone, and their position, must take."""
    from hr.services import training_assign_mandatory

    training_assign_mandatory(by=by, employee=employee)
