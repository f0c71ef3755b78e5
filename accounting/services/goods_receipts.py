"""Writes of goods receipts: what arrived against an order's lines. The order
moves to partially_received or received as the goods come in."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounting.models.payables import GoodsReceipt, GoodsReceiptLine, PurchaseOrder
from accounting.services.purchasing import (
    RECEIVABLE,
    PurchasingError,
    order_decimal,
    purchase_order_lock,
    purchase_order_move,
    purchase_order_require,
)
from accounting.templatetags.quantities import plain_quantity
from backoffice.errors import clean_or_raise

Status = PurchaseOrder.Status


def _wanted(lines: dict, received: dict, quantities: dict[int, Decimal]) -> dict[int, Decimal]:
    """The quantities received now, by line, each checked against what is still expected."""
    wanted = {}
    for line_id, quantity in quantities.items():
        quantity = order_decimal(quantity or 0, _("Quantity"))
        if line_id not in lines:
            raise PurchasingError(_("A line does not belong to this order."))
        if quantity < 0:
            raise PurchasingError(_("Quantities received cannot be negative."))
        if quantity == 0:
            continue
        line = lines[line_id]
        outstanding = line.quantity - received.get(line_id, 0)
        if quantity > outstanding:
            raise PurchasingError(
                _(
                    "%(item)s: %(quantity)s received, but only %(outstanding)s of "
                    "%(ordered)s are still expected."
                )
                % {
                    "item": line.item,
                    "quantity": plain_quantity(quantity),
                    "outstanding": plain_quantity(outstanding),
                    "ordered": plain_quantity(line.quantity),
                }
            )
        wanted[line_id] = quantity
    if not wanted:
        raise PurchasingError(_("Enter the quantity received on at least one line."))
    return wanted


@transaction.atomic
def goods_receipt_record(
    *,
    by,
    order: PurchaseOrder,
    received_on: date,
    quantities: dict[int, Decimal],
    note: str = "",
) -> GoodsReceipt:
    """Record goods received against an order's lines; the order's status follows.

    Everything is checked before anything is written: a quantity over what
    is still outstanding on its line refuses the whole receipt.
    """
    order = purchase_order_lock(order)
    refusal = _("Goods are received only on an order sent to the supplier.")
    purchase_order_require(order, RECEIVABLE, refusal)
    if received_on < order.order_date:
        raise PurchasingError(_("Goods cannot be received before the order date."))
    if received_on > timezone.localdate():
        raise PurchasingError(_("Goods cannot be received in the future."))
    lines = {line.pk: line for line in order.lines.all()}
    received = dict(
        GoodsReceiptLine.objects.filter(order_line__order=order)
        .values("order_line")
        .annotate(total=Sum("quantity"))
        .values_list("order_line", "total")
    )
    wanted = _wanted(lines, received, quantities)
    receipt = GoodsReceipt(order=order, received_on=received_on, received_by=by, note=note)
    clean_or_raise(receipt, error=PurchasingError)
    receipt.save()
    GoodsReceiptLine.objects.bulk_create(
        GoodsReceiptLine(receipt=receipt, order_line_id=line_id, quantity=quantity)
        for line_id, quantity in wanted.items()
    )
    complete = all(
        received.get(pk, 0) + wanted.get(pk, 0) >= line.quantity for pk, line in lines.items()
    )
    purchase_order_move(
        order,
        to=Status.RECEIVED if complete else Status.PARTIALLY_RECEIVED,
        allowed=RECEIVABLE,
        refusal=refusal,
        by=by,
        reason="goods received",
    )
    return receipt
