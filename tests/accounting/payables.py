"""Helpers that walk bills and payments through the real services."""

from datetime import date
from decimal import Decimal

from accounting.services.payment_batches import (
    payment_batch_approve,
    payment_batch_create,
    payment_batch_export,
    payment_batch_post,
)
from accounting.services.supplier_bills import (
    supplier_bill_approve,
    supplier_bill_create,
    supplier_bill_post,
)


def line(unit_price="100.00", quantity="1", vat_rate="21", description="Goods", **extra):
    return {
        "description": description,
        "quantity": Decimal(quantity),
        "unit_price": Decimal(unit_price),
        "vat_rate": Decimal(vat_rate),
        **extra,
    }


def posted_bill(*, by, approver, supplier, number, bill_date=date(2026, 3, 2), lines=None, **kw):
    bill = supplier_bill_create(
        by=by,
        supplier=supplier,
        number=number,
        bill_date=bill_date,
        lines=lines or [line()],
        **kw,
    )
    supplier_bill_approve(by=approver, bill=bill)
    return supplier_bill_post(by=by, bill=bill)


def paid_batch(*, by, approver, payments, payment_date=date(2026, 4, 1)):
    batch = payment_batch_create(by=by, payment_date=payment_date, payments=payments)
    payment_batch_approve(by=approver, batch=batch)
    payment_batch_export(by=by, batch=batch, file_format="csv")
    return payment_batch_post(by=by, batch=batch)
