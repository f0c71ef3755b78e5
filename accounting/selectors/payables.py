"""Reads of accounts payable: what each bill still owes, ageing, what falls due.

A bill is paid by payments in *posted* batches (money that left the bank
and is in the ledger); payments in batches still being prepared, approved or
sent only reserve the amount, so a bill is never put in two batches for
more than it owes. Everything here is computed by the database, so lists
cost the same number of queries whatever their length.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    DecimalField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounting.chart import account_for
from accounting.models.payables import (
    GoodsReceiptLine,
    Payment,
    PaymentBatch,
    PurchaseOrder,
    PurchaseOrderLine,
    SupplierBill,
    SupplierBillLine,
)
from accounting.selectors.ledger import account_balance

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=14, decimal_places=2)


class BillState:
    PAID = "paid"
    PARTLY_PAID = "partly_paid"
    UNPAID = "unpaid"
    OVERDUE = "overdue"

    LABELS = {
        PAID: _("Paid"),
        PARTLY_PAID: _("Partly paid"),
        UNPAID: _("Unpaid"),
        OVERDUE: _("Overdue"),
    }


AGEING_BUCKETS = ["current", "days_1_30", "days_31_60", "days_61_90", "over_90"]


def _payments_sum(payments: QuerySet[Payment]) -> Coalesce:
    """The sum of `payments` per bill, as a correlated subquery."""
    total = (
        payments.filter(bill=OuterRef("pk"))
        .order_by()
        .values("bill")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=MONEY), ZERO, output_field=MONEY)


def _paid_payments(*, as_of: date | None = None) -> QuerySet[Payment]:
    payments = Payment.objects.filter(batch__status=PaymentBatch.Status.POSTED)
    if as_of is not None:
        payments = payments.filter(batch__payment_date__lte=as_of)
    return payments


def bills_with_state(*, today: date | None = None) -> QuerySet[SupplierBill]:
    """Bills with `amount_paid`, `open_amount` and `state` (empty until posted)."""
    today = today or timezone.localdate()
    posted = Q(status=SupplierBill.Status.POSTED)
    return (
        SupplierBill.objects.select_related("supplier")
        .annotate(amount_paid=_payments_sum(_paid_payments()))
        .annotate(open_amount=F("total") - F("amount_paid"))
        .annotate(
            state=Case(
                When(~posted, then=Value("")),
                When(open_amount__lte=ZERO, then=Value(BillState.PAID)),
                When(due_date__lt=today, then=Value(BillState.OVERDUE)),
                When(amount_paid__gt=ZERO, then=Value(BillState.PARTLY_PAID)),
                default=Value(BillState.UNPAID),
                output_field=CharField(),
            )
        )
    )


def bills_payable(*, exclude_batch: PaymentBatch | None = None) -> QuerySet[SupplierBill]:
    """Posted bills with something left to put in a batch (`available`).

    `reserved` counts payments in every batch that is not cancelled, so an
    amount already on its way to the bank is not offered again.
    """
    reserved = Payment.objects.exclude(batch__status=PaymentBatch.Status.CANCELLED)
    if exclude_batch is not None:
        reserved = reserved.exclude(batch=exclude_batch)
    return (
        SupplierBill.objects.filter(status=SupplierBill.Status.POSTED)
        .select_related("supplier")
        .annotate(reserved=_payments_sum(reserved))
        .annotate(available=F("total") - F("reserved"))
        .filter(available__gt=ZERO)
        .order_by("due_date", "pk")
    )


def payables_ageing(*, as_of: date | None = None) -> dict:
    """Open amounts of posted bills by supplier and by days overdue, in ONE query.

    A bill counts if it is dated on or before `as_of`; payments count if
    their batch was posted with a payment date on or before `as_of`. Returns
    `{"as_of", "rows": [{supplier_id, supplier__name, current, ..., total}],
    "totals": {...}}`.
    """
    as_of = as_of or timezone.localdate()
    open_amount = F("total") - _payments_sum(_paid_payments(as_of=as_of))
    overdue_after = {days: as_of - timedelta(days=days) for days in (0, 30, 60, 90)}

    def bucket(condition: Q) -> Coalesce:
        return Coalesce(
            Sum(Case(When(condition, then=open_amount), output_field=MONEY)),
            ZERO,
            output_field=MONEY,
        )

    rows = list(
        SupplierBill.objects.filter(status=SupplierBill.Status.POSTED, bill_date__lte=as_of)
        .order_by()
        .values("supplier_id", "supplier__name")
        .annotate(
            current=bucket(Q(due_date__gte=as_of)),
            days_1_30=bucket(Q(due_date__lt=as_of, due_date__gte=overdue_after[30])),
            days_31_60=bucket(Q(due_date__lt=overdue_after[30], due_date__gte=overdue_after[60])),
            days_61_90=bucket(Q(due_date__lt=overdue_after[60], due_date__gte=overdue_after[90])),
            over_90=bucket(Q(due_date__lt=overdue_after[90])),
            total=Coalesce(Sum(open_amount, output_field=MONEY), ZERO, output_field=MONEY),
        )
        .exclude(total=ZERO)
        .order_by("supplier__name", "supplier_id")
    )
    totals = {name: sum((row[name] for row in rows), ZERO) for name in [*AGEING_BUCKETS, "total"]}
    return {"as_of": as_of, "rows": rows, "totals": totals}


def bills_due_soon(*, today: date | None = None, days: int = 14) -> QuerySet[SupplierBill]:
    """Posted bills still open that fall due from today to `days` ahead."""
    today = today or timezone.localdate()
    return (
        bills_with_state(today=today)
        .filter(
            status=SupplierBill.Status.POSTED,
            due_date__gte=today,
            due_date__lte=today + timedelta(days=days),
            open_amount__gt=ZERO,
        )
        .order_by("due_date", "supplier__name", "pk")
    )


def bills_overdue(*, today: date | None = None) -> QuerySet[SupplierBill]:
    today = today or timezone.localdate()
    return bills_with_state(today=today).filter(
        status=SupplierBill.Status.POSTED, due_date__lt=today, open_amount__gt=ZERO
    )


def payables_ledger_balance() -> Decimal:
    """What the ledger says the company owes its suppliers (credit minus debit of 401)."""
    return -account_balance(account=account_for("payables"))


def payment_batches() -> QuerySet[PaymentBatch]:
    return PaymentBatch.objects.select_related(
        "bank_account", "created_by", "approved_by"
    ).annotate(amount=Coalesce(Sum("payments__amount"), ZERO, output_field=MONEY))


# Orders a supplier may bill: agreed with them, whether or not delivered yet.
BILLABLE_ORDER_STATUSES = [
    PurchaseOrder.Status.APPROVED,
    PurchaseOrder.Status.SENT,
    PurchaseOrder.Status.PARTIALLY_RECEIVED,
    PurchaseOrder.Status.RECEIVED,
    PurchaseOrder.Status.CLOSED,
]
QUANTITY = DecimalField(max_digits=12, decimal_places=3)


def orders_to_bill() -> QuerySet[PurchaseOrder]:
    return (
        PurchaseOrder.objects.filter(status__in=BILLABLE_ORDER_STATUSES)
        .select_related("supplier")
        .order_by("-order_date", "-pk")
    )


def _quantity_sum(lines) -> Coalesce:
    total = (
        lines.filter(order_line=OuterRef("pk"))
        .order_by()
        .values("order_line")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=QUANTITY), Decimal("0"), output_field=QUANTITY)


def order_lines_to_bill(*, order: PurchaseOrder) -> QuerySet[PurchaseOrderLine]:
    """The order's lines with what was `received` and `billed` (bills not cancelled)."""
    billed = SupplierBillLine.objects.exclude(bill__status=SupplierBill.Status.CANCELLED)
    return (
        order.lines.select_related("account")
        .annotate(received=_quantity_sum(GoodsReceiptLine.objects.all()))
        .annotate(billed=_quantity_sum(billed))
        .order_by("pk")
    )
