from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.models.payables import PurchaseOrder, Supplier
from accounting.services.goods_receipts import goods_receipt_record
from tests.accounting.factories import SupplierFactory, make_order


@pytest.fixture
def admin_client(client, role_users):
    client.force_login(role_users["admin"])
    return client


@pytest.fixture
def received(role_users):
    order = make_order(by=role_users["accountant"])
    PurchaseOrder.objects.filter(pk=order.pk).update(status=PurchaseOrder.Status.SENT)
    goods_receipt_record(
        by=role_users["accountant"],
        order=order,
        received_on=date(2026, 3, 5),
        quantities={order.lines.get().pk: Decimal("1")},
    )
    return order


def test_the_admin_lists_and_searches_purchasing(admin_client, received):
    names = [
        "accounting_supplier_changelist",
        "accounting_purchaseorder_changelist",
        "accounting_goodsreceipt_changelist",
        "accounting_documentsequence_changelist",
    ]
    for name in names:
        assert admin_client.get(reverse(f"admin:{name}"), {"q": "PO"}).status_code == 200
    for model, pk in (("purchaseorder", received.pk), ("goodsreceipt", received.receipts.get().pk)):
        url = reverse(f"admin:accounting_{model}_change", args=[pk])
        assert admin_client.get(url).status_code == 200


def test_an_order_is_read_only_once_it_leaves_draft(admin_client, role_users, received):
    draft = make_order(by=role_users["accountant"])

    sent_page = admin_client.get(
        reverse("admin:accounting_purchaseorder_change", args=[received.pk])
    )
    draft_page = admin_client.get(reverse("admin:accounting_purchaseorder_change", args=[draft.pk]))

    assert sent_page.context["has_change_permission"] is False
    assert draft_page.context["has_change_permission"] is True


def test_the_admin_deactivates_suppliers_and_never_deletes_them(admin_client):
    supplier = SupplierFactory()

    admin_client.post(
        reverse("admin:accounting_supplier_changelist"),
        {"action": "deactivate_suppliers", "_selected_action": [supplier.pk]},
    )

    assert Supplier.objects.get(pk=supplier.pk).is_active is False
    url = reverse("admin:accounting_supplier_delete", args=[supplier.pk])
    assert admin_client.get(url).status_code == 403
