"""Writes of payment batches: prepared, approved by a second person, sent to
the bank as a file, and marked paid, which posts one entry debiting the
suppliers account and crediting the bank.

draft -> approved -> exported -> posted; a batch not yet sent to the bank can
be cancelled. Every status change goes through `transition()`.
"""

from datetime import date
from decimal import Decimal
from typing import TypedDict

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounting.bank_files import BankFileError, transfers_csv, transfers_sepa
from accounting.chart import account_for
from accounting.models.ledger import Account, JournalEntry
from accounting.models.payables import Payment, PaymentBatch, SupplierBill
from accounting.money import ZERO, to_cent
from accounting.services.ledger import journal_entry_create, journal_entry_post
from accounting.services.payables import PayablesError
from backoffice.errors import clean_or_raise
from backoffice.validators import compact_iban
from backoffice.workflow import require_status, transition

Status = PaymentBatch.Status


class PaymentData(TypedDict):
    bill: SupplierBill
    amount: Decimal


def _batch_reference(payment_date: date) -> str:
    prefix = f"PAY-{payment_date:%Y%m%d}-"
    taken = set(
        PaymentBatch.objects.filter(reference__startswith=prefix).values_list(
            "reference", flat=True
        )
    )
    number = len(taken) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _reserved(bill_ids) -> dict[int, Decimal]:
    """What every batch that is not cancelled already pays of each bill."""
    return dict(
        Payment.objects.filter(bill__in=bill_ids)
        .exclude(batch__status=Status.CANCELLED)
        .values("bill")
        .annotate(total=Sum("amount"))
        .values_list("bill", "total")
    )


def _payments(*, batch: PaymentBatch, payments: list[PaymentData]) -> list[Payment]:
    if not payments:
        raise PayablesError(_("Choose at least one bill to pay."))
    bill_ids = [payment["bill"].pk for payment in payments]
    if len(set(bill_ids)) != len(bill_ids):
        raise PayablesError(_("A bill is listed twice in the batch."))
    # Locked in a fixed order, so two batches paying the same bills wait for each other.
    bills = {
        bill.pk: bill
        for bill in SupplierBill.objects.select_for_update()
        .select_related("supplier")
        .filter(pk__in=bill_ids)
        .order_by("pk")
    }
    reserved = _reserved(bill_ids)
    built = []
    for data in payments:
        bill = bills[data["bill"].pk]
        amount = data["amount"]
        if isinstance(amount, float):
            raise PayablesError(_("Amounts must be decimals, not floating-point numbers."))
        amount = Decimal(amount)
        require_status(
            bill,
            [SupplierBill.Status.POSTED],
            error=PayablesError,
            message=_("Only posted bills can be paid: %(bill)s.") % {"bill": bill},
        )
        if amount <= ZERO or amount != to_cent(amount):
            raise PayablesError(
                _("The payment for %(bill)s must be more than zero, to the cent.") % {"bill": bill}
            )
        open_amount = bill.total - reserved.get(bill.pk, ZERO)
        if amount > open_amount:
            raise PayablesError(
                _(
                    "The payment of %(amount)s for %(bill)s is more than its open amount "
                    "of %(open)s (counting the other batches that pay it)."
                )
                % {"amount": amount, "bill": bill, "open": open_amount}
            )
        built.append(Payment(batch=batch, bill=bill, amount=amount))
    return built


@transaction.atomic
def payment_batch_create(
    *,
    by,
    payment_date: date,
    payments: list[PaymentData],
    bank_account: Account | None = None,
) -> PaymentBatch:
    """Prepare a batch paying posted bills, each in full or in part."""
    bank_account = bank_account or account_for("bank")
    if not bank_account.is_active:
        raise PayablesError(_("The account %(account)s is closed.") % {"account": bank_account})
    batch = PaymentBatch(
        reference=_batch_reference(payment_date),
        payment_date=payment_date,
        bank_account=bank_account,
        created_by=by,
    )
    clean_or_raise(batch, error=PayablesError)
    batch._history_user = by
    batch.save()
    built = _payments(batch=batch, payments=payments)
    for payment in built:
        clean_or_raise(payment, error=PayablesError)
    Payment.objects.bulk_create(built)
    return batch


def _lock_batch(batch: PaymentBatch) -> PaymentBatch:
    return PaymentBatch.objects.select_for_update().get(pk=batch.pk)


@transaction.atomic
def payment_batch_approve(*, by, batch: PaymentBatch) -> PaymentBatch:
    if not by.has_perm("accounting.approve_paymentbatch"):
        raise PayablesError(_("You may not approve payment batches."))
    batch = _lock_batch(batch)
    if batch.created_by_id == by.pk:
        raise PayablesError(_("The person who prepared a batch cannot approve it."))
    return transition(
        batch,
        to=Status.APPROVED,
        allowed_from=[Status.DRAFT],
        by=by,
        stamp="approved",
        error=PayablesError,
        message=_("The batch is %(status)s; only a draft can be approved.")
        % {"status": batch.get_status_display()},
        reason="approved",
    )


@transaction.atomic
def payment_batch_cancel(*, by, batch: PaymentBatch) -> PaymentBatch:
    batch = _lock_batch(batch)
    return transition(
        batch,
        to=Status.CANCELLED,
        allowed_from=[Status.DRAFT, Status.APPROVED],
        by=by,
        error=PayablesError,
        message=_(
            "The batch is %(status)s; only a batch not yet sent to the bank can be cancelled."
        )
        % {"status": batch.get_status_display()},
        reason="cancelled",
    )


def payment_batch_transfers(*, batch: PaymentBatch) -> list[dict]:
    """One transfer per supplier: the sum of its payments, the bill numbers as reference."""
    transfers: dict[int, dict] = {}
    payments = batch.payments.select_related("bill__supplier").order_by(
        "bill__supplier__name", "bill__supplier_id", "bill__number"
    )
    for payment in payments:
        supplier = payment.bill.supplier
        transfer = transfers.setdefault(
            supplier.pk,
            {
                "supplier": supplier,
                "name": supplier.name,
                "iban": compact_iban(supplier.iban),
                "bic": supplier.bic.strip().upper(),
                "amount": ZERO,
                "bills": [],
            },
        )
        transfer["amount"] += payment.amount
        transfer["bills"].append(payment.bill.number)
    for transfer in transfers.values():
        transfer["reference"] = ", ".join(transfer["bills"])
    return list(transfers.values())


def _csv_file(batch: PaymentBatch, transfers: list[dict]) -> bytes:
    return transfers_csv(transfers, party="supplier")


def _sepa_file(batch: PaymentBatch, transfers: list[dict]) -> bytes:
    try:
        return transfers_sepa(
            transfers, execution_date=batch.payment_date, reference=batch.reference
        )
    except BankFileError as exc:
        raise PayablesError(str(exc)) from None


EXPORT_FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv", _csv_file),
    "xml": ("application/xml", "xml", _sepa_file),
}


@transaction.atomic
def payment_batch_export(*, by, batch: PaymentBatch, file_format: str) -> tuple[str, str, bytes]:
    """The bank file of an approved batch: (file name, content type, content).

    The first export marks the batch as sent to the bank; exporting again
    (a lost download) gives the same payments.
    """
    if file_format not in EXPORT_FORMATS:
        raise PayablesError(_("Unknown bank file format."))
    batch = _lock_batch(batch)
    require_status(
        batch,
        [Status.APPROVED, Status.EXPORTED],
        error=PayablesError,
        message=_("Only an approved batch can be sent to the bank."),
    )
    content_type, extension, build = EXPORT_FORMATS[file_format]
    content = build(batch, payment_batch_transfers(batch=batch))
    if batch.status == Status.APPROVED:
        transition(
            batch,
            to=Status.EXPORTED,
            allowed_from=[Status.APPROVED],
            by=by,
            error=PayablesError,
            reason=f"exported ({extension})",
            changes={"exported_at": timezone.now()},
        )
    return f"{batch.reference}.{extension}", content_type, content


@transaction.atomic
def payment_batch_post(*, by, batch: PaymentBatch) -> PaymentBatch:
    """The bank paid the batch: debit what each supplier was owed, credit the bank."""
    batch = _lock_batch(batch)
    refused = {Status.POSTED: _("This batch is already paid and posted.")}
    refusal = refused.get(batch.status) or _("Send the batch to the bank before marking it paid.")
    require_status(batch, [Status.EXPORTED], error=PayablesError, message=refusal)
    transfers = payment_batch_transfers(batch=batch)
    payables = account_for("payables")
    lines = [
        {"account": payables, "debit": transfer["amount"], "description": transfer["name"]}
        for transfer in transfers
    ]
    total = sum((transfer["amount"] for transfer in transfers), ZERO)
    lines.append({"account": batch.bank_account, "credit": total, "description": batch.reference})
    entry = journal_entry_create(
        by=by,
        date=batch.payment_date,
        description=_("Supplier payments %(reference)s") % {"reference": batch.reference},
        lines=lines,
        source=JournalEntry.Source.PAYMENT,
        source_key=f"payment-batch:{batch.pk}",
    )
    return transition(
        batch,
        to=Status.POSTED,
        allowed_from=[Status.EXPORTED],
        by=by,
        error=PayablesError,
        message=refusal,
        reason="paid",
        changes={"journal_entry": journal_entry_post(by=by, entry=entry)},
    )
