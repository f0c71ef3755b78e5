"""Suppliers: created and edited in the browser, deactivated, never deleted."""

import pytest
from django.urls import reverse

from accounting.models.payables import Supplier
from accounting.services.purchasing import PurchasingError
from accounting.services.suppliers import supplier_create
from tests.accounting.factories import SupplierFactory

GOOD_IBAN = "RO49 aaaa 1B31 0075 9384 0000"


def supplier_data(**overrides):
    return {
        "name": "Lemnul Verde SRL",
        "kind": Supplier.Kind.MANUFACTURER,
        "tax_id": "ro 18547290",
        "email": "comenzi@lemnulverde.example",
        "iban": GOOD_IBAN,
        "bic": "",
        "payment_terms_days": 30,
        **overrides,
    }


@pytest.fixture
def accountant_client(client, role_users):
    client.force_login(role_users["accountant"])
    return client


def test_a_supplier_is_created_with_the_iban_and_tax_id_compacted(accountant_client):
    response = accountant_client.post(reverse("accounting:supplier-create"), supplier_data())

    supplier = Supplier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("accounting:supplier-detail", kwargs={"pk": supplier.pk})
    assert supplier.iban == "RO49AAAA1B31007593840000"
    assert supplier.tax_id == "RO18547290"
    assert supplier.history.get().history_user.username == "accountant"


def test_a_bad_iban_is_refused_with_a_clear_message(accountant_client):
    response = accountant_client.post(
        reverse("accounting:supplier-create"), supplier_data(iban="RO49AAAA1B31007593840001")
    )

    assert response.status_code == 200
    assert "check digits are wrong" in response.content.decode()
    assert not Supplier.objects.exists()


def test_a_duplicate_tax_id_is_refused_with_a_clear_message(accountant_client):
    SupplierFactory(tax_id="RO18547290", name="Already Here SRL")

    response = accountant_client.post(reverse("accounting:supplier-create"), supplier_data())

    assert response.status_code == 200
    assert "Another supplier already has this tax id." in response.content.decode()
    assert Supplier.objects.count() == 1


def test_the_service_names_the_supplier_that_has_the_tax_id(role_users):
    SupplierFactory(tax_id="RO18547290", name="Already Here SRL")
    data = supplier_data(tax_id="RO 18547290")

    with pytest.raises(PurchasingError, match="already belongs to the supplier Already Here SRL"):
        supplier_create(by=role_users["accountant"], **data)


def test_editing_keeps_the_tax_id_check_for_others_only(accountant_client):
    supplier = SupplierFactory(tax_id="RO18547290")
    url = reverse("accounting:supplier-edit", kwargs={"pk": supplier.pk})

    response = accountant_client.post(url, supplier_data(name="New Name SRL"))

    assert response.status_code == 302
    supplier.refresh_from_db()
    assert supplier.name == "New Name SRL"


def test_deactivating_keeps_the_supplier_and_hides_it_from_new_orders(accountant_client):
    supplier = SupplierFactory()

    accountant_client.post(reverse("accounting:supplier-deactivate", kwargs={"pk": supplier.pk}))

    supplier.refresh_from_db()
    assert supplier.is_active is False
    page = accountant_client.get(reverse("accounting:purchaseorder-create"))
    assert supplier not in page.context["form"].fields["supplier"].queryset
    accountant_client.post(reverse("accounting:supplier-activate", kwargs={"pk": supplier.pk}))
    supplier.refresh_from_db()
    assert supplier.is_active is True


def test_the_list_searches_and_filters_by_kind_and_state(accountant_client):
    SupplierFactory(name="Alpha Foods", kind=Supplier.Kind.WAREHOUSE)
    SupplierFactory(name="Beta Cleaning", kind=Supplier.Kind.SERVICES)
    SupplierFactory(name="Gamma Foods", kind=Supplier.Kind.WAREHOUSE, is_active=False)
    url = reverse("accounting:supplier-list")

    def names(**params):
        page = accountant_client.get(url, params).context["page"]
        return [supplier.name for supplier in page.object_list]

    assert names(q="foods") == ["Alpha Foods", "Gamma Foods"]
    assert names(kind="services") == ["Beta Cleaning"]
    assert names(kind="warehouse", is_active="true") == ["Alpha Foods"]
    assert names(is_active="false") == ["Gamma Foods"]


def test_the_list_costs_the_same_queries_for_many_suppliers(
    accountant_client, django_assert_max_num_queries
):
    url = reverse("accounting:supplier-list")
    SupplierFactory.create_batch(3)
    with django_assert_max_num_queries(12) as few:
        accountant_client.get(url)
    SupplierFactory.create_batch(60)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = accountant_client.get(url)

    assert len(response.context["page"].object_list) == 50
    assert response.context["page"].paginator.count == 63
