"""A supplier bill against its purchase order: the order's checks and the
three-way match of what is billed, what was ordered and what was received."""

from decimal import Decimal

from django.conf import settings
from django.db.models import Sum
from django.utils.translation import gettext as _

from accounting.models.payables import (
    GoodsReceiptLine,
    PurchaseOrder,
    Supplier,
    SupplierBill,
    SupplierBillLine,
)
from accounting.money import HUNDRED, ZERO
from accounting.selectors.payables import BILLABLE_ORDER_STATUSES
from accounting.services.payables import PayablesError
from backoffice.workflow import require_status


def _quantity(value: Decimal) -> str:
    return f"{value.normalize():f}"


def supplier_bill_order_check(*, order: PurchaseOrder, supplier: Supplier, lines) -> None:
    if order.supplier_id != supplier.pk:
        raise PayablesError(_("The order %(order)s is for another supplier.") % {"order": order})
    require_status(
        order,
        BILLABLE_ORDER_STATUSES,
        error=PayablesError,
        message=_("The order %(order)s is %(status)s; only agreed orders can be billed.")
        % {"order": order, "status": order.get_status_display()},
    )
    for line in lines:
        if line.order_line is not None and line.order_line.order_id != order.pk:
            raise PayablesError(
                _("%(item)s is a line of another order.") % {"item": line.order_line.item}
            )


def supplier_bill_match(*, order: PurchaseOrder, lines: list[SupplierBillLine], bill_pk) -> str:
    """What a bill says that the order and the goods received do not, one line each.

    A line may bill what was received and not yet billed, at the ordered
    price give or take PAYABLES_PRICE_TOLERANCE_PERCENT. Lines not on the
    order are differences too. An empty answer means the bill matches.
    """
    order_line_ids = {line.order_line_id for line in lines if line.order_line_id}
    received = dict(
        GoodsReceiptLine.objects.filter(order_line__in=order_line_ids)
        .values("order_line")
        .annotate(total=Sum("quantity"))
        .values_list("order_line", "total")
    )
    billed_before = dict(
        SupplierBillLine.objects.filter(order_line__in=order_line_ids)
        .exclude(bill__status=SupplierBill.Status.CANCELLED)
        .exclude(bill_id=bill_pk)
        .values("order_line")
        .annotate(total=Sum("quantity"))
        .values_list("order_line", "total")
    )
    tolerance = settings.PAYABLES_PRICE_TOLERANCE_PERCENT
    billed_now: dict[int, Decimal] = {}
    notes = []
    for line in lines:
        order_line = line.order_line
        if order_line is None:
            notes.append(_("%(item)s is not on the order.") % {"item": line.description})
            continue
        billed_now[order_line.pk] = billed_now.get(order_line.pk, ZERO) + line.quantity
        allowed_difference = order_line.unit_price * tolerance / HUNDRED
        if abs(line.unit_price - order_line.unit_price) > allowed_difference:
            notes.append(
                _("%(item)s: billed at %(billed)s a unit, ordered at %(ordered)s.")
                % {
                    "item": order_line.item,
                    "billed": line.unit_price.normalize(),
                    "ordered": order_line.unit_price.normalize(),
                }
            )
    for order_line in {line.order_line for line in lines if line.order_line}:
        got = received.get(order_line.pk, ZERO)
        before = billed_before.get(order_line.pk, ZERO)
        if billed_now[order_line.pk] > got - before:
            notes.append(
                _(
                    "%(item)s: billed %(billed)s, received %(received)s, "
                    "of which %(before)s billed before."
                )
                % {
                    "item": order_line.item,
                    "billed": _quantity(billed_now[order_line.pk]),
                    "received": _quantity(got),
                    "before": _quantity(before),
                }
            )
    return "\n".join(sorted(notes))
