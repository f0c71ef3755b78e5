"""Supplier bills: entry, three-way match, approval by a second person, posting."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from accounting.models.ledger import JournalEntry
from accounting.models.payables import PurchaseOrder, SupplierBill, SupplierBillLine
from accounting.selectors.ledger import trial_balance_difference
from accounting.services.payables import PayablesError
from accounting.services.supplier_bills import (
    supplier_bill_approve,
    supplier_bill_cancel,
    supplier_bill_create,
    supplier_bill_post,
    supplier_bill_release,
)
from tests.accounting.factories import (
    GoodsReceiptLineFactory,
    PurchaseOrderFactory,
    PurchaseOrderLineFactory,
    SupplierFactory,
)
from tests.accounting.payables import line


@pytest.fixture
def supplier(standard_chart):
    return SupplierFactory(
        name="Birotica SRL",
        payment_terms_days=45,
        default_expense_account=standard_chart["604"],
    )


def enter(by, supplier, number="F-1", lines=None, **kw):
    return supplier_bill_create(
        by=by,
        supplier=supplier,
        number=number,
        bill_date=kw.pop("bill_date", date(2026, 3, 2)),
        lines=[line()] if lines is None else lines,
        **kw,
    )


def test_a_bill_totals_its_lines_rounded_half_up_and_falls_due_after_the_terms(
    bookkeeper, supplier, standard_chart
):
    bill = enter(
        bookkeeper,
        supplier,
        lines=[
            line("0.125", quantity="3", vat_rate="21"),  # 0.375 -> 0.38, VAT 0.0798 -> 0.08
            line("10.00", quantity="2", vat_rate="9", account=standard_chart["628"]),
        ],
    )

    assert (bill.net_amount, bill.vat_amount, bill.total) == (
        Decimal("20.38"),
        Decimal("1.88"),
        Decimal("22.26"),
    )
    assert bill.due_date == date(2026, 3, 2) + timedelta(days=45)
    assert bill.status == SupplierBill.Status.DRAFT
    accounts = [bill_line.account.code for bill_line in bill.lines.order_by("pk")]
    assert accounts == ["604", "628"]  # the supplier's default, then the one chosen


def test_a_given_due_date_is_kept(bookkeeper, supplier):
    bill = enter(bookkeeper, supplier, due_date=date(2026, 3, 10))
    assert bill.due_date == date(2026, 3, 10)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"lines": []}, "at least one line"),
        ({"lines": [line("-1.00")]}, "unit price cannot be negative"),
        ({"lines": [line(quantity="0")]}, "quantity must be more than zero"),
        ({"lines": [line(vat_rate="101")]}, "VAT rate is between 0 and 100"),
        ({"lines": [line(description=" ")]}, "needs a description"),
        ({"due_date": date(2026, 3, 1)}, "cannot fall due before its date"),
        ({"number": "  "}, "invoice number"),
    ],
)
def test_bad_bills_are_refused_with_a_clear_message_and_nothing_saved(
    bookkeeper, supplier, kwargs, message
):
    with pytest.raises(PayablesError, match=message):
        enter(bookkeeper, supplier, **kwargs)
    assert SupplierBill.objects.count() == 0
    assert SupplierBillLine.objects.count() == 0


def test_the_same_invoice_of_a_supplier_is_refused_but_another_supplier_may_use_the_number(
    bookkeeper, supplier
):
    enter(bookkeeper, supplier, number="F-7")
    with pytest.raises(PayablesError, match="already entered"):
        enter(bookkeeper, supplier, number="f-7")
    enter(bookkeeper, SupplierFactory(), number="F-7")
    assert SupplierBill.objects.count() == 2


def test_the_person_who_entered_a_bill_cannot_approve_it(bookkeeper, controller, supplier):
    bill = enter(bookkeeper, supplier)

    with pytest.raises(PayablesError, match="entered a bill cannot approve"):
        supplier_bill_approve(by=bookkeeper, bill=bill)
    bill.refresh_from_db()
    assert bill.status == SupplierBill.Status.DRAFT

    supplier_bill_approve(by=controller, bill=bill)
    bill.refresh_from_db()
    assert (bill.status, bill.approved_by) == (SupplierBill.Status.APPROVED, controller)


def test_someone_without_the_approval_permission_cannot_approve(bookkeeper, role_users, supplier):
    bill = enter(bookkeeper, supplier)
    with pytest.raises(PayablesError, match="may not approve"):
        supplier_bill_approve(by=role_users["hr"], bill=bill)


def test_posting_writes_one_balanced_entry_and_posting_twice_is_refused(
    bookkeeper, controller, supplier, standard_chart
):
    bill = enter(
        bookkeeper,
        supplier,
        lines=[line("100.00"), line("50.00", vat_rate="9"), line("10.00", vat_rate="0")],
    )
    with pytest.raises(PayablesError, match="Only an approved bill"):
        supplier_bill_post(by=bookkeeper, bill=bill)
    supplier_bill_approve(by=controller, bill=bill)

    bill = supplier_bill_post(by=bookkeeper, bill=bill)

    entry = bill.journal_entry
    assert (entry.status, entry.source, entry.source_key) == (
        JournalEntry.Status.POSTED,
        JournalEntry.Source.SUPPLIER_BILL,
        f"supplier-bill:{bill.pk}",
    )
    lines = {(x.account.code, x.debit, x.credit) for x in entry.lines.select_related("account")}
    assert lines == {
        ("604", Decimal("160.00"), Decimal("0.00")),  # grouped by account
        ("4426", Decimal("25.50"), Decimal("0.00")),
        ("401", Decimal("0.00"), Decimal("185.50")),
    }
    assert trial_balance_difference() == Decimal("0.00")
    with pytest.raises(PayablesError, match="already posted"):
        supplier_bill_post(by=bookkeeper, bill=bill)
    assert JournalEntry.objects.count() == 1


def test_a_bill_can_be_cancelled_before_posting_only(bookkeeper, controller, supplier):
    draft = enter(bookkeeper, supplier, number="F-1")
    supplier_bill_cancel(by=bookkeeper, bill=draft)
    draft.refresh_from_db()
    assert draft.status == SupplierBill.Status.CANCELLED

    posted = enter(bookkeeper, supplier, number="F-2")
    supplier_bill_approve(by=controller, bill=posted)
    supplier_bill_post(by=bookkeeper, bill=posted)
    with pytest.raises(PayablesError, match="posted bill cannot be cancelled"):
        supplier_bill_cancel(by=bookkeeper, bill=posted)
    posted.refresh_from_db()
    assert posted.status == SupplierBill.Status.POSTED


# Three-way match ----------------------------------------------------------------


@pytest.fixture
def received_order(supplier, bookkeeper):
    """10 ordered at 12.50, 6 received so far."""
    order = PurchaseOrderFactory(supplier=supplier, created_by=bookkeeper)
    order_line = PurchaseOrderLineFactory(order=order, item="Paper A4")
    GoodsReceiptLineFactory(
        receipt__order=order, receipt__received_by=bookkeeper, order_line=order_line, quantity=6
    )
    return order, order_line


def from_order(by, order, order_line, *, quantity="6", unit_price="12.50", number="F-100"):
    return enter(
        by,
        order.supplier,
        number=number,
        purchase_order=order,
        lines=[line(unit_price, quantity=quantity, order_line=order_line, description="Paper")],
    )


def test_a_bill_matching_order_and_receipt_is_a_draft(bookkeeper, received_order):
    bill = from_order(bookkeeper, *received_order)
    assert (bill.status, bill.match_notes) == (SupplierBill.Status.DRAFT, "")


def test_billing_more_than_received_puts_the_bill_on_hold(bookkeeper, received_order):
    bill = from_order(bookkeeper, *received_order, quantity="8")
    assert bill.status == SupplierBill.Status.ON_HOLD
    assert "Paper A4: billed 8, received 6, of which 0 billed before." in bill.match_notes


def test_what_was_billed_before_counts_against_the_receipts(bookkeeper, received_order):
    from_order(bookkeeper, *received_order, quantity="4", number="F-1")
    second = from_order(bookkeeper, *received_order, quantity="4", number="F-2")
    assert second.status == SupplierBill.Status.ON_HOLD
    assert "billed 4, received 6, of which 4 billed before" in second.match_notes


def test_a_price_other_than_ordered_holds_the_bill_unless_within_the_tolerance(
    bookkeeper, received_order, settings
):
    held = from_order(bookkeeper, *received_order, quantity="1", unit_price="12.60")
    assert held.status == SupplierBill.Status.ON_HOLD
    assert "billed at 12.6 a unit, ordered at 12.5" in held.match_notes

    settings.PAYABLES_PRICE_TOLERANCE_PERCENT = Decimal("1")
    accepted = from_order(
        bookkeeper, *received_order, quantity="1", unit_price="12.60", number="F-2"
    )
    assert accepted.status == SupplierBill.Status.DRAFT


def test_a_bill_on_hold_is_released_with_a_reason_kept_in_its_history(
    bookkeeper, controller, received_order
):
    bill = from_order(bookkeeper, *received_order, quantity="8")
    with pytest.raises(PayablesError, match="on hold"):
        supplier_bill_approve(by=controller, bill=bill)
    with pytest.raises(PayablesError, match="Say why"):
        supplier_bill_release(by=bookkeeper, bill=bill, reason=" ")

    supplier_bill_release(by=bookkeeper, bill=bill, reason="Rest arrives Monday")

    bill.refresh_from_db()
    assert bill.status == SupplierBill.Status.DRAFT
    assert "Rest arrives Monday" in bill.match_notes
    latest = bill.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        bookkeeper,
        "Rest arrives Monday",
    )
    supplier_bill_approve(by=controller, bill=bill)


def test_an_order_of_another_supplier_or_not_agreed_cannot_be_billed(
    bookkeeper, supplier, received_order
):
    order, order_line = received_order
    with pytest.raises(PayablesError, match="another supplier"):
        enter(bookkeeper, SupplierFactory(), purchase_order=order)
    draft_order = PurchaseOrderFactory(
        supplier=supplier, status=PurchaseOrder.Status.DRAFT, created_by=bookkeeper
    )
    with pytest.raises(PayablesError, match="only agreed orders"):
        enter(bookkeeper, supplier, purchase_order=draft_order)
    assert SupplierBill.objects.count() == 0
