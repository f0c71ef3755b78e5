"""IT's writes to the inventory: systems and equipment, each change kept in their history."""

from django.db import transaction
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, clean_or_raise
from it_support.models.inventory import Equipment, System


class InventoryError(DomainError):
    pass


def record_save(instance, *, by, reason: str, error: type[DomainError]):
    """Validate and save an inventory record with who changed it and why (its history row)."""
    clean_or_raise(instance, error=error)
    instance._history_user = by
    instance._change_reason = reason[:100]
    instance.save()
    return instance


@transaction.atomic
def system_create(*, by, **fields) -> System:
    return record_save(System(**fields), by=by, reason=_("Created"), error=InventoryError)


@transaction.atomic
def system_update(*, by, system: System, **fields) -> System:
    system = System.objects.select_for_update().get(pk=system.pk)
    for name, value in fields.items():
        setattr(system, name, value)
    return record_save(system, by=by, reason=_("Edited"), error=InventoryError)


@transaction.atomic
def equipment_create(*, by, **fields) -> Equipment:
    return record_save(Equipment(**fields), by=by, reason=_("Created"), error=InventoryError)


@transaction.atomic
def equipment_update(*, by, equipment: Equipment, **fields) -> Equipment:
    equipment = Equipment.objects.select_for_update().get(pk=equipment.pk)
    for name, value in fields.items():
        setattr(equipment, name, value)
    return record_save(equipment, by=by, reason=_("Edited"), error=InventoryError)


@transaction.atomic
def equipment_assign(*, by, equipment: Equipment, employee) -> Equipment:
    """Hand the item to `employee` (in use), or take it back into stock (`employee=None`)."""
    equipment = Equipment.objects.select_for_update().get(pk=equipment.pk)
    if equipment.status == Equipment.Status.RETIRED:
        raise InventoryError(_("A retired item cannot be assigned."))
    if employee is not None and not employee.is_current:
        raise InventoryError(_("%(name)s has left.") % {"name": employee.full_name})
    if employee is None:
        equipment.assigned_to, equipment.status = None, Equipment.Status.IN_STOCK
        reason = _("Returned to stock")
    else:
        equipment.assigned_to, equipment.status = employee, Equipment.Status.IN_USE
        reason = _("Assigned to %(name)s") % {"name": employee.full_name}
    return record_save(equipment, by=by, reason=reason, error=InventoryError)
