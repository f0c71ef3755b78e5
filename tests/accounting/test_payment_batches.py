"""Payment batches: prepared, approved by a second person, sent to the bank, marked paid."""

import csv
import io
import os
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
import sepaxml
import xmlschema

from accounting.models.ledger import JournalEntry
from accounting.models.payables import Payment, PaymentBatch
from accounting.selectors.ledger import trial_balance_difference
from accounting.selectors.payables import BillState, bills_with_state
from accounting.services.payables import PayablesError
from accounting.services.payment_batches import (
    payment_batch_approve,
    payment_batch_cancel,
    payment_batch_create,
    payment_batch_export,
    payment_batch_post,
)
from accounting.services.supplier_bills import supplier_bill_create
from tests.accounting.factories import SupplierFactory
from tests.accounting.payables import line, paid_batch, posted_bill

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
SCHEMA = os.path.join(os.path.dirname(sepaxml.__file__), "schemas", "pain.001.001.03.xsd")


@pytest.fixture
def bills(bookkeeper, controller, standard_chart):
    """Two bills of Ștefănescu (121.00 and 60.50) and one of Beta (242.00)."""
    stefanescu = SupplierFactory(
        name="Ștefănescu Distribuție SRL", iban="RO49 AAAA 1B31 0075 9384 0000", bic="AAAAROBU"
    )
    beta = SupplierFactory(name="Beta Servicii SRL", iban="DE89370400440532013000", bic="")

    def bill(supplier, number, price):
        return posted_bill(
            by=bookkeeper,
            approver=controller,
            supplier=supplier,
            number=number,
            lines=[line(price)],
        )

    return {
        "s1": bill(stefanescu, "S-1", "100.00"),
        "s2": bill(stefanescu, "S-2", "50.00"),
        "b1": bill(beta, "B-1", "200.00"),
    }


def prepare(by, payments, payment_date=date(2026, 4, 1)):
    return payment_batch_create(by=by, payment_date=payment_date, payments=payments)


def test_a_batch_pays_bills_in_full_or_in_part_from_the_bank(bookkeeper, bills, standard_chart):
    batch = prepare(
        bookkeeper,
        [
            {"bill": bills["s1"], "amount": Decimal("121.00")},
            {"bill": bills["b1"], "amount": Decimal("100.00")},
        ],
    )
    assert batch.status == PaymentBatch.Status.DRAFT
    assert batch.bank_account == standard_chart["5121"]
    assert batch.reference == "PAY-20260401-1"
    assert sorted(batch.payments.values_list("amount", flat=True)) == [
        Decimal("100.00"),
        Decimal("121.00"),
    ]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("121.01"), "more than its open amount of 121.00"),
        (Decimal("0.00"), "more than zero"),
        (Decimal("-5.00"), "more than zero"),
        (Decimal("1.001"), "to the cent"),
    ],
)
def test_bad_amounts_are_refused_and_nothing_is_saved(bookkeeper, bills, amount, message):
    with pytest.raises(PayablesError, match=message):
        prepare(
            bookkeeper,
            [{"bill": bills["s2"], "amount": "1.00"}] + [{"bill": bills["s1"], "amount": amount}],
        )
    assert PaymentBatch.objects.count() == 0
    assert Payment.objects.count() == 0


def test_other_batches_count_against_the_open_amount_until_cancelled(bookkeeper, controller, bills):
    first = prepare(bookkeeper, [{"bill": bills["s1"], "amount": Decimal("100.00")}])
    with pytest.raises(PayablesError, match="open amount of 21.00"):
        prepare(bookkeeper, [{"bill": bills["s1"], "amount": Decimal("21.01")}])

    payment_batch_cancel(by=bookkeeper, batch=first)

    second = prepare(bookkeeper, [{"bill": bills["s1"], "amount": Decimal("121.00")}])
    assert second.payments.get().amount == Decimal("121.00")


def test_an_empty_batch_a_doubled_bill_or_an_unposted_bill_is_refused(bookkeeper, bills):
    with pytest.raises(PayablesError, match="at least one bill"):
        prepare(bookkeeper, [])
    with pytest.raises(PayablesError, match="listed twice"):
        prepare(
            bookkeeper,
            [{"bill": bills["s1"], "amount": "1.00"}, {"bill": bills["s1"], "amount": "2.00"}],
        )
    draft = supplier_bill_create(
        by=bookkeeper,
        supplier=bills["s1"].supplier,
        number="S-3",
        bill_date=date(2026, 3, 3),
        lines=[line()],
    )
    with pytest.raises(PayablesError, match="Only posted bills"):
        prepare(bookkeeper, [{"bill": draft, "amount": "1.00"}])
    assert PaymentBatch.objects.count() == 0


def test_the_preparer_cannot_approve_the_batch(bookkeeper, controller, bills):
    batch = prepare(bookkeeper, [{"bill": bills["s1"], "amount": "121.00"}])

    with pytest.raises(PayablesError, match="prepared a batch cannot approve"):
        payment_batch_approve(by=bookkeeper, batch=batch)
    batch.refresh_from_db()
    assert batch.status == PaymentBatch.Status.DRAFT

    payment_batch_approve(by=controller, batch=batch)
    batch.refresh_from_db()
    assert (batch.status, batch.approved_by) == (PaymentBatch.Status.APPROVED, controller)


@pytest.fixture
def approved(bookkeeper, controller, bills):
    batch = prepare(
        bookkeeper,
        [
            {"bill": bills["s1"], "amount": Decimal("121.00")},
            {"bill": bills["s2"], "amount": Decimal("30.25")},
            {"bill": bills["b1"], "amount": Decimal("242.00")},
        ],
    )
    return payment_batch_approve(by=controller, batch=batch)


def test_only_an_approved_batch_goes_to_the_bank(bookkeeper, bills):
    batch = prepare(bookkeeper, [{"bill": bills["s1"], "amount": "121.00"}])
    with pytest.raises(PayablesError, match="Only an approved batch"):
        payment_batch_export(by=bookkeeper, batch=batch, file_format="xml")
    batch.refresh_from_db()
    assert batch.status == PaymentBatch.Status.DRAFT


def test_the_csv_has_one_transfer_per_supplier_with_the_bill_numbers(bookkeeper, approved):
    name, content_type, content = payment_batch_export(
        by=bookkeeper, batch=approved, file_format="csv"
    )

    assert (name, content_type) == (f"{approved.reference}.csv", "text/csv; charset=utf-8")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    assert rows == [
        ["supplier", "iban", "bic", "amount", "currency", "reference"],
        ["Beta Servicii SRL", "DE89370400440532013000", "", "242.00", "RON", "B-1"],
        [
            "Ștefănescu Distribuție SRL",
            "RO49AAAA1B31007593840000",
            "AAAAROBU",
            "151.25",
            "RON",
            "S-1, S-2",
        ],
    ]
    approved.refresh_from_db()
    assert approved.status == PaymentBatch.Status.EXPORTED
    assert approved.exported_at is not None


def test_the_sepa_file_is_a_valid_pain_001_with_the_company_as_debtor(
    bookkeeper, approved, settings
):
    settings.COMPANY_NAME = "Magazinul Demo SRL"
    name, content_type, content = payment_batch_export(
        by=bookkeeper, batch=approved, file_format="xml"
    )

    assert name == f"{approved.reference}.xml"
    xmlschema.XMLSchema(SCHEMA).validate(content.decode("utf-8"))
    root = ET.fromstring(content)  # noqa: S314 (the file we just wrote)
    header = root.find("p:CstmrCdtTrfInitn/p:GrpHdr", NS)
    assert header.find("p:NbOfTxs", NS).text == "2"
    assert header.find("p:CtrlSum", NS).text == "393.25"
    info = root.find("p:CstmrCdtTrfInitn/p:PmtInf", NS)
    assert info.find("p:ReqdExctnDt", NS).text == "2026-04-01"
    assert info.find("p:Dbtr/p:Nm", NS).text == "Magazinul Demo SRL"
    assert info.find("p:DbtrAcct/p:Id/p:IBAN", NS).text == settings.COMPANY_IBAN
    transfers = {
        tx.find("p:CdtrAcct/p:Id/p:IBAN", NS).text: (
            tx.find("p:Amt/p:InstdAmt", NS).text,
            tx.find("p:Amt/p:InstdAmt", NS).get("Ccy"),
            tx.find("p:Cdtr/p:Nm", NS).text,
            tx.find("p:RmtInf/p:Ustrd", NS).text,
        )
        for tx in info.findall("p:CdtTrfTxInf", NS)
    }
    assert transfers == {
        "RO49AAAA1B31007593840000": ("151.25", "RON", "Stefanescu Distributie SRL", "S-1, S-2"),
        "DE89370400440532013000": ("242.00", "RON", "Beta Servicii SRL", "B-1"),
    }


def test_a_supplier_bic_the_schema_refuses_is_a_clear_error_and_the_batch_stays_approved(
    bookkeeper, approved, bills
):
    supplier = bills["b1"].supplier
    supplier.bic = "NOT A BIC"
    supplier.save()
    with pytest.raises(PayablesError, match="does not pass the SEPA schema"):
        payment_batch_export(by=bookkeeper, batch=approved, file_format="xml")
    approved.refresh_from_db()
    assert approved.status == PaymentBatch.Status.APPROVED


def test_marking_paid_posts_one_balanced_entry_once(bookkeeper, approved, bills, standard_chart):
    with pytest.raises(PayablesError, match="Send the batch to the bank"):
        payment_batch_post(by=bookkeeper, batch=approved)
    payment_batch_export(by=bookkeeper, batch=approved, file_format="xml")

    batch = payment_batch_post(by=bookkeeper, batch=approved)

    entry = batch.journal_entry
    assert (entry.status, entry.source, entry.source_key, entry.date) == (
        JournalEntry.Status.POSTED,
        JournalEntry.Source.PAYMENT,
        f"payment-batch:{batch.pk}",
        date(2026, 4, 1),
    )
    lines = sorted(
        (x.account.code, x.debit, x.credit, x.description)
        for x in entry.lines.select_related("account")
    )
    assert lines == [
        ("401", Decimal("151.25"), Decimal("0.00"), "Ștefănescu Distribuție SRL"),
        ("401", Decimal("242.00"), Decimal("0.00"), "Beta Servicii SRL"),
        ("5121", Decimal("0.00"), Decimal("393.25"), batch.reference),
    ]
    assert trial_balance_difference() == Decimal("0.00")
    with pytest.raises(PayablesError, match="already paid and posted"):
        payment_batch_post(by=bookkeeper, batch=batch)
    assert JournalEntry.objects.filter(source=JournalEntry.Source.PAYMENT).count() == 1

    states = dict(bills_with_state(today=date(2026, 4, 1)).values_list("number", "state"))
    assert states == {"S-1": BillState.PAID, "S-2": BillState.PARTLY_PAID, "B-1": BillState.PAID}


def test_a_bill_is_unpaid_then_overdue_until_paid(bookkeeper, controller, bills):
    due = bills["s2"].due_date

    def state(today):
        return bills_with_state(today=today).get(pk=bills["s2"].pk).state

    assert state(due) == BillState.UNPAID
    assert state(date.fromordinal(due.toordinal() + 1)) == BillState.OVERDUE
    paid_batch(
        by=bookkeeper, approver=controller, payments=[{"bill": bills["s2"], "amount": "60.50"}]
    )
    assert state(date.fromordinal(due.toordinal() + 1)) == BillState.PAID
