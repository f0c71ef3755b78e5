"""Writes of offboarding: the checklist a departure opens, ticked by the department
that owns each item.

HR ticks its own items on its page. IT's and payroll's items are ticked only
when that department reports the work done through the `offboarding_item_done`
event (`backoffice/events.py`), which `hr/signals.py` hands to
`offboarding_item_report`.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError
from hr.models.discipline import OffboardingItem
from hr.models.employees import Employee


class OffboardingError(DomainError):
    pass


@transaction.atomic
def offboarding_item_done(*, by, item: OffboardingItem) -> OffboardingItem:
    """HR ticks one of its own items; another department's item is refused."""
    item = OffboardingItem.objects.select_for_update().get(pk=item.pk)
    if not item.is_hrs_own:
        raise OffboardingError(
            _("%(department)s marks this item done, not HR: it is ticked when they report it.")
            % {"department": item.get_department_display()}
        )
    if item.done_at is not None:
        raise OffboardingError(_("This item is already done."))
    item.done_by, item.done_at = by, timezone.now()
    item.save(update_fields=["done_by", "done_at"])
    return item


@transaction.atomic
def offboarding_item_report(
    *, employee: Employee | None, task: str, by, when: datetime | None = None
) -> OffboardingItem | None:
    """Tick the item another department reports done on the employee's latest departure.

    Returns the item it ticked, or None when there is nothing to tick: an
    unknown employee, no departure, or an item already done (so a repeated
    report changes nothing). A task that is not another department's is a
    sender's mistake and raises.
    """
    owner = OffboardingItem.OWNER.get(task)
    if owner is None or owner == OffboardingItem.Department.HR:
        raise ValueError(f"{task!r} is not an offboarding item another department reports")
    employee_id = getattr(employee, "pk", None)
    if employee_id is None:
        return None
    item = (
        OffboardingItem.objects.select_for_update(of=("self",))
        .filter(termination__employee_id=employee_id, task=task)
        .order_by("-termination_id")
        .first()
    )
    if item is None or item.done_at is not None:
        return None
    item.done_by, item.done_at = by, when or timezone.now()
    item.save(update_fields=["done_by", "done_at"])
    return item
