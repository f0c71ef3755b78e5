from datetime import date
from decimal import Decimal

import factory

from accounting.models.ledger import Account
from accounting.models.payables import (
    GoodsReceipt,
    GoodsReceiptLine,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
)
from tests.factories import UserFactory


class AccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Account
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{1000 + n}")
    name = factory.Sequence(lambda n: f"Account {n}")
    type = Account.Type.ASSET


class SupplierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supplier

    name = factory.Sequence(lambda n: f"Supplier {n} SRL")
    kind = Supplier.Kind.WAREHOUSE
    tax_id = factory.Sequence(lambda n: f"RO{10000000 + n}")
    email = factory.Sequence(lambda n: f"orders{n}@supplier.example")
    iban = "RO49AAAA1B31007593840000"
    payment_terms_days = 30


class PurchaseOrderFactory(factory.django.DjangoModelFactory):
    """An order agreed with the supplier (approved and sent)."""

    class Meta:
        model = PurchaseOrder

    number = factory.Sequence(lambda n: f"PO-{n:05d}")
    supplier = factory.SubFactory(SupplierFactory)
    order_date = date(2026, 3, 2)
    status = PurchaseOrder.Status.SENT
    created_by = factory.SubFactory(UserFactory)


class PurchaseOrderLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PurchaseOrderLine

    order = factory.SubFactory(PurchaseOrderFactory)
    item = factory.Sequence(lambda n: f"Item {n}")
    quantity = Decimal("10")
    unit_price = Decimal("12.50")
    vat_rate = Decimal("21.00")


class GoodsReceiptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodsReceipt

    order = factory.SubFactory(PurchaseOrderFactory)
    received_on = date(2026, 3, 9)
    received_by = factory.SubFactory(UserFactory)


class GoodsReceiptLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodsReceiptLine

    receipt = factory.SubFactory(GoodsReceiptFactory)
    order_line = factory.SubFactory(PurchaseOrderLineFactory)
    quantity = Decimal("10")


def order_lines(*amounts, vat_rate="21.00"):
    """Line data for `purchase_order_create`: (quantity, unit price) pairs as strings."""
    from decimal import Decimal

    return [
        {
            "item": f"Item {index}",
            "quantity": Decimal(quantity),
            "unit_price": Decimal(price),
            "vat_rate": Decimal(vat_rate),
        }
        for index, (quantity, price) in enumerate(amounts, start=1)
    ]


def make_order(*, by, supplier=None, lines=None, order_date=None, **kwargs):
    """A draft purchase order written through the service, as a person would."""
    from datetime import date

    from accounting.services.purchasing import purchase_order_create

    return purchase_order_create(
        by=by,
        supplier=supplier or SupplierFactory(),
        order_date=order_date or date(2026, 3, 2),
        lines=lines or order_lines(("2", "10.00")),
        **kwargs,
    )
