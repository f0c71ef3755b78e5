import factory

from accounting.models import Account, Supplier


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

    from accounting.services import purchase_order_create

    return purchase_order_create(
        by=by,
        supplier=supplier or SupplierFactory(),
        order_date=order_date or date(2026, 3, 2),
        lines=lines or order_lines(("2", "10.00")),
        **kwargs,
    )
