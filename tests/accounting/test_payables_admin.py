"""The admin of payables: a real tool until a record is final, read-only after."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.models.payables import PaymentBatch, SupplierBill
from accounting.services.payables import PayablesError
from accounting.services.payment_batches import payment_batch_approve, payment_batch_create
from accounting.services.supplier_bills import (
    supplier_bill_approve,
    supplier_bill_create,
    supplier_bill_totals_refresh,
)
from tests.accounting.factories import SupplierFactory
from tests.accounting.payables import line, posted_bill


@pytest.fixture
def admin_client(client, role_users):
    client.force_login(role_users["admin"])
    return client


@pytest.fixture
def supplier(standard_chart):
    return SupplierFactory()


def test_the_admin_lists_bills_batches_and_reminders(admin_client, bookkeeper, supplier):
    supplier_bill_create(
        by=bookkeeper, supplier=supplier, number="F-1", bill_date=date(2026, 3, 2), lines=[line()]
    )
    for name in ("supplierbill", "paymentbatch", "supplierbillreminder"):
        response = admin_client.get(reverse(f"admin:accounting_{name}_changelist"))
        assert response.status_code == 200, name
    assert admin_client.get(reverse("admin:accounting_supplierbill_add")).status_code == 200


def test_a_posted_bill_and_an_approved_batch_are_read_only(
    admin_client, bookkeeper, controller, supplier
):
    bill = posted_bill(by=bookkeeper, approver=controller, supplier=supplier, number="F-1")
    batch = payment_batch_create(
        by=bookkeeper, payment_date=date(2026, 4, 1), payments=[{"bill": bill, "amount": "5.00"}]
    )
    draft_page = admin_client.get(reverse("admin:accounting_paymentbatch_change", args=[batch.pk]))
    assert draft_page.context["has_change_permission"] is True
    payment_batch_approve(by=controller, batch=batch)

    for name, pk in (("supplierbill", bill.pk), ("paymentbatch", batch.pk)):
        response = admin_client.get(reverse(f"admin:accounting_{name}_change", args=[pk]))
        assert response.status_code == 200
        assert response.context["has_change_permission"] is False, name
        assert response.context["has_delete_permission"] is False, name


def test_the_admin_approves_through_the_service(admin_client, bookkeeper, supplier):
    bill = supplier_bill_create(
        by=bookkeeper, supplier=supplier, number="F-1", bill_date=date(2026, 3, 2), lines=[line()]
    )
    admin_client.post(
        reverse("admin:accounting_supplierbill_changelist"),
        {"action": "approve_bills", "_selected_action": [bill.pk]},
    )
    bill.refresh_from_db()
    assert bill.status == SupplierBill.Status.APPROVED
    assert PaymentBatch.objects.count() == 0


def test_corrected_lines_give_new_totals_until_the_bill_is_approved(
    bookkeeper, controller, supplier
):
    bill = supplier_bill_create(
        by=bookkeeper, supplier=supplier, number="F-1", bill_date=date(2026, 3, 2), lines=[line()]
    )
    bill.lines.update(quantity=Decimal("3"))

    bill = supplier_bill_totals_refresh(by=bookkeeper, bill=bill)

    assert (bill.net_amount, bill.vat_amount, bill.total) == (
        Decimal("300.00"),
        Decimal("63.00"),
        Decimal("363.00"),
    )
    assert bill.lines.get().net_amount == Decimal("300.00")
    supplier_bill_approve(by=controller, bill=bill)
    with pytest.raises(PayablesError, match="Only a draft bill"):
        supplier_bill_totals_refresh(by=bookkeeper, bill=bill)
