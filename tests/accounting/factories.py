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
