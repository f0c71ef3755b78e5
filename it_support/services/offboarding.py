"""IT's part of a departure: the employee-dismissed event opens a ticket listing the
access to revoke and each item of equipment to collect; when every line is done
the ticket closes and HR hears it through the `offboarding_item_done` event."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import events
from backoffice.workflow import transition
from hr.models.employees import Employee
from it_support.errors import ItSupportError
from it_support.models.inventory import Equipment
from it_support.models.offboarding import OffboardingTicketItem
from it_support.models.tickets import Category, Impact, Ticket, Urgency
from it_support.services.tickets import ticket_create

Item = OffboardingTicketItem
Outcome = Item.Outcome
# What settles each kind of line.
OUTCOMES = {
    Item.Kind.ACCESS: {Outcome.REVOKED},
    Item.Kind.EQUIPMENT: {Outcome.RETURNED, Outcome.WRITTEN_OFF},
}
# HR's checklist items that IT reports done when its ticket closes.
HR_ITEMS = ("access", "equipment")


@transaction.atomic
def offboarding_ticket_open(*, by, employee, last_day) -> Ticket:
    equipment = list(
        Equipment.objects.filter(assigned_to=employee).exclude(status=Equipment.Status.RETIRED)
    )
    lines = [_("Revoke every account and access of %(name)s.") % {"name": employee.full_name}]
    lines += [
        _("Collect %(tag)s %(name)s (%(location)s).")
        % {"tag": item.tag, "name": item.name, "location": item.location or "-"}
        for item in equipment
    ]
    ticket = ticket_create(
        by=by,
        subject=_("Offboarding of %(name)s, last day %(date)s")
        % {"name": employee.full_name, "date": last_day},
        description="\n".join(lines),
        category=Category.ACCESS,
        impact=Impact.DEGRADED,
        urgency=Urgency.MEDIUM,
        source=Ticket.Source.OFFBOARDING,
    )
    Item.objects.bulk_create(
        [Item(ticket=ticket, leaver=employee, kind=Item.Kind.ACCESS)]
        + [
            Item(ticket=ticket, leaver=employee, kind=Item.Kind.EQUIPMENT, equipment=item)
            for item in equipment
        ]
    )
    return ticket


def _free_equipment(*, by, item: Item, outcome: str) -> None:
    equipment = Equipment.objects.select_for_update().get(pk=item.equipment_id)
    equipment.assigned_to = None
    equipment.status = (
        Equipment.Status.IN_STOCK if outcome == Outcome.RETURNED else Equipment.Status.RETIRED
    )
    equipment._history_user = by
    equipment._change_reason = f"offboarding: {outcome}"
    equipment.save(update_fields=["assigned_to", "status"])


@transaction.atomic
def offboarding_item_settle(*, by, item: Item, outcome: str) -> Ticket:
    """Record one line done; the last one closes the ticket and tells HR."""
    ticket = Ticket.objects.select_for_update().get(pk=item.ticket_id)
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item.outcome != Outcome.OPEN:
        raise ItSupportError(_("This item is already done."))
    if outcome not in OUTCOMES[item.kind]:
        raise ItSupportError(_("That outcome does not fit this item."))
    if item.kind == Item.Kind.EQUIPMENT:
        _free_equipment(by=by, item=item, outcome=outcome)
    transition(
        item,
        to=outcome,
        allowed_from=[Outcome.OPEN],
        by=by,
        error=ItSupportError,
        stamp="done",
        field="outcome",
    )
    if not ticket.offboarding_items.filter(outcome=Outcome.OPEN).exists():
        _close_and_report(by=by, ticket=ticket, leaver=item.leaver)
    return ticket


def _close_and_report(*, by, ticket: Ticket, leaver) -> None:
    transition(
        ticket,
        to=Ticket.Status.CLOSED,
        allowed_from=Ticket.OPEN,
        by=by,
        error=ItSupportError,
        stamp="closed",
        reason="offboarding done",
        changes={"resolved_at": timezone.now(), "resolved_by": by},
    )
    for task in HR_ITEMS:
        events.offboarding_item_done.send(
            sender=Employee, employee=leaver, item=task, by=by, when=ticket.closed_at
        )
