"""Reads of purchasing: suppliers, purchase orders with their totals, receipts.

A document's totals follow the one rounding rule of `accounting.money`:
each line's net is quantity x unit price rounded half up to the cent, its
VAT is that net x rate rounded the same way, and the order's totals are
the sums of its lines. Lists compute the same figures in SQL (Postgres
rounds numerics half away from zero, which is half up for the positive
amounts an order holds), so a page of orders costs one query whatever its
length; `purchase_order_totals` computes them in Python for one order.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Round

from accounting.models.payables import (
    GoodsReceipt,
    GoodsReceiptLine,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
)
from accounting.money import ZERO, line_amounts

MONEY = DecimalField(max_digits=14, decimal_places=2)
QUANTITY = DecimalField(max_digits=12, decimal_places=3)
QUANTITY_ZERO = Decimal("0.000")

Status = PurchaseOrder.Status
OPEN_STATUSES = [
    Status.DRAFT,
    Status.AWAITING_APPROVAL,
    Status.APPROVED,
    Status.SENT,
    Status.PARTIALLY_RECEIVED,
]


@dataclass(frozen=True)
class Totals:
    net: Decimal
    vat: Decimal

    @property
    def total(self) -> Decimal:
        return self.net + self.vat


# Suppliers -------------------------------------------------------------------


def suppliers_visible_to(user) -> QuerySet[Supplier]:
    if not user.has_perm("accounting.view_supplier"):
        return Supplier.objects.none()
    return Supplier.objects.select_related("default_expense_account")


def supplier_list(user) -> QuerySet[Supplier]:
    """Suppliers with how many orders each has open, in one query."""
    return (
        suppliers_visible_to(user)
        .annotate(open_orders=Count("orders", filter=Q(orders__status__in=OPEN_STATUSES)))
        .order_by("name", "pk")
    )


# Purchase orders -------------------------------------------------------------


def _line_net():
    return Round(F("quantity") * F("unit_price"), 2, output_field=MONEY)


def _line_vat():
    return Round(_line_net() * F("vat_rate") / Value(Decimal("100")), 2, output_field=MONEY)


def _sum_of_lines(expression) -> Coalesce:
    per_order = (
        PurchaseOrderLine.objects.filter(order=OuterRef("pk"))
        .order_by()
        .values("order")
        .annotate(amount=Sum(expression, output_field=MONEY))
        .values("amount")
    )
    return Coalesce(Subquery(per_order, output_field=MONEY), Value(ZERO), output_field=MONEY)


def with_totals(orders: QuerySet[PurchaseOrder]) -> QuerySet[PurchaseOrder]:
    """Annotate `net_total`, `vat_total` and `grand_total`, computed by the database."""
    return orders.annotate(
        net_total=_sum_of_lines(_line_net()),
        vat_total=_sum_of_lines(_line_vat()),
    ).annotate(grand_total=F("net_total") + F("vat_total"))


def purchase_orders_visible_to(user) -> QuerySet[PurchaseOrder]:
    if not user.has_perm("accounting.view_purchaseorder"):
        return PurchaseOrder.objects.none()
    return PurchaseOrder.objects.select_related("supplier", "created_by", "approved_by")


def purchase_order_list(user) -> QuerySet[PurchaseOrder]:
    return with_totals(purchase_orders_visible_to(user))


def purchase_orders_awaiting_approval_by(user) -> QuerySet[PurchaseOrder]:
    """Orders waiting for an approver other than the person who prepared them."""
    if not user.has_perm("accounting.approve_purchaseorder"):
        return PurchaseOrder.objects.none()
    return (
        purchase_order_list(user)
        .filter(status=Status.AWAITING_APPROVAL)
        .exclude(created_by=user)
        .order_by("order_date", "pk")
    )


def purchase_order_lines(order: PurchaseOrder) -> list[PurchaseOrderLine]:
    """The order's lines, each with `net`, `vat`, `received` and `outstanding`."""
    received = (
        GoodsReceiptLine.objects.filter(order_line=OuterRef("pk"))
        .order_by()
        .values("order_line")
        .annotate(quantity=Sum("quantity"))
        .values("quantity")
    )
    lines = list(
        order.lines.select_related("account").annotate(
            received=Coalesce(
                Subquery(received, output_field=QUANTITY),
                Value(QUANTITY_ZERO),
                output_field=QUANTITY,
            )
        )
    )
    for line in lines:
        line.net, line.vat = line_amounts(
            quantity=line.quantity, unit_price=line.unit_price, vat_rate=line.vat_rate
        )
        line.outstanding = max(line.quantity - line.received, QUANTITY_ZERO)
    return lines


def totals_of(lines) -> Totals:
    """Totals of lines given as objects or dicts with quantity, unit_price, vat_rate."""
    net = vat = ZERO
    for line in lines:
        get = line.get if isinstance(line, dict) else lambda name, line=line: getattr(line, name)
        line_net, line_vat = line_amounts(
            quantity=get("quantity"), unit_price=get("unit_price"), vat_rate=get("vat_rate")
        )
        net += line_net
        vat += line_vat
    return Totals(net=net, vat=vat)


def purchase_order_totals(order: PurchaseOrder) -> Totals:
    return totals_of(order.lines.all())


def purchase_order_receipts(order: PurchaseOrder) -> list[GoodsReceipt]:
    return list(
        order.receipts.select_related("received_by").prefetch_related(
            Prefetch("lines", GoodsReceiptLine.objects.select_related("order_line"))
        )
    )
