"""The demo company's suppliers and year of purchase orders."""

import time

import pytest
from django.core.management import call_command
from django.db.models import Sum

from accounting.demo.purchasing import romanian_tax_id
from accounting.models.payables import GoodsReceiptLine, PurchaseOrder, PurchaseOrderLine, Supplier
from accounting.services.purchasing import purchase_order_create
from backoffice.validators import validate_iban
from tests.accounting.factories import order_lines

Status = PurchaseOrder.Status


@pytest.fixture
def seeded(db):
    started = time.monotonic()
    call_command("seed_demo", employees=0, verbosity=0)
    return time.monotonic() - started


def test_the_demo_has_suppliers_with_valid_bank_accounts_and_tax_ids(seeded):
    suppliers = list(Supplier.objects.all())

    # Purchasing's eight, plus the payables demo's own (looked up by tax id).
    assert len(suppliers) >= 8
    assert {s.kind for s in suppliers} == {"manufacturer", "warehouse", "services"}
    for supplier in suppliers:
        validate_iban(supplier.iban)
        assert supplier.iban == supplier.iban.upper().replace(" ", "")
        assert supplier.default_expense_account is not None
        assert supplier.email


def test_tax_ids_carry_the_romanian_control_digit():
    # 18547290 is a CUI with a known control digit (0).
    assert romanian_tax_id(1854729) == "RO18547290"


def test_the_demo_has_a_year_of_orders_in_every_state(seeded):
    statuses = set(PurchaseOrder.objects.values_list("status", flat=True))

    assert statuses >= {
        Status.DRAFT,
        Status.AWAITING_APPROVAL,
        Status.APPROVED,
        Status.SENT,
        Status.PARTIALLY_RECEIVED,
        Status.RECEIVED,
        Status.CLOSED,
        Status.CANCELLED,
    }
    assert PurchaseOrder.objects.count() >= 100
    assert not PurchaseOrderLine.objects.filter(account__isnull=True).exists()


def test_the_demo_receipts_agree_with_the_orders_states(seeded):
    received = dict(
        GoodsReceiptLine.objects.values("order_line")
        .annotate(q=Sum("quantity"))
        .values_list("order_line", "q")
    )
    for order in PurchaseOrder.objects.prefetch_related("lines"):
        done = [received.get(line.pk, 0) >= line.quantity for line in order.lines.all()]
        if order.status in (Status.RECEIVED, Status.CLOSED):
            assert all(done), order.number
        elif order.status == Status.PARTIALLY_RECEIVED:
            assert not all(done) and any(received.get(line.pk) for line in order.lines.all())
        else:
            assert not any(received.get(line.pk) for line in order.lines.all()), order.number


def test_seeding_again_adds_nothing_and_new_orders_take_the_next_number(seeded):
    before = (Supplier.objects.count(), PurchaseOrder.objects.count())
    call_command("seed_demo", employees=0, verbosity=0)
    assert (Supplier.objects.count(), PurchaseOrder.objects.count()) == before

    latest = PurchaseOrder.objects.order_by("-order_date", "-number").first()
    order = purchase_order_create(
        by=latest.created_by,
        supplier=latest.supplier,
        order_date=latest.order_date,
        lines=order_lines(("1", "1.00")),
    )
    year_numbers = PurchaseOrder.objects.filter(number__startswith=order.number[:8])
    assert order.number == max(year_numbers.values_list("number", flat=True))


def test_seeding_stays_fast(seeded):
    assert seeded < 20  # the whole seed, employees included; purchasing is set-based


def test_demo_orders_awaiting_approval_are_over_the_threshold(seeded, settings):
    from accounting.selectors.purchasing import with_totals

    waiting = with_totals(PurchaseOrder.objects.filter(status=Status.AWAITING_APPROVAL))

    assert waiting
    assert all(order.grand_total > settings.PURCHASE_APPROVAL_THRESHOLD for order in waiting)
