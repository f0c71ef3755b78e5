"""Writes of accounts payable: supplier bills from entry to the ledger, and
the payment batches that settle them.

A bill is entered (directly or from a purchase order, matched against what
was ordered and received), approved by someone other than the person who
entered it, and posted as one balanced entry crediting the suppliers
account. A batch of payments is prepared, approved by a second person, sent
to the bank as a file, and marked paid, which posts one entry debiting the
suppliers account and crediting the bank. Each posting carries a
`source_key`, so the ledger itself refuses a document posted twice.
"""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TypedDict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounting.bank_files import BankFileError, transfers_csv, transfers_sepa
from accounting.chart import account_for
from accounting.models.ledger import Account, JournalEntry
from accounting.models.payables import (
    GoodsReceiptLine,
    Payment,
    PaymentBatch,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
    SupplierBill,
    SupplierBillLine,
    SupplierBillReminder,
)
from accounting.money import HUNDRED, ZERO, line_amounts, to_cent
from accounting.selectors.payables import (
    BILLABLE_ORDER_STATUSES,
    bills_due_soon,
    bills_overdue,
)
from accounting.services.ledger import journal_entry_create, journal_entry_post
from backoffice import roles
from backoffice.errors import DomainError
from backoffice.models import Notification
from backoffice.services import notification_send_to_group
from backoffice.validators import compact_iban

REMINDER_LIST_LENGTH = 20


class PayablesError(DomainError):
    pass


class BillLineData(TypedDict, total=False):
    description: str
    account: Account | None
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal
    order_line: PurchaseOrderLine | None


class PaymentData(TypedDict):
    bill: SupplierBill
    amount: Decimal


def _decimal(value, *, line: int, label: str) -> Decimal:
    if isinstance(value, float):
        raise PayablesError(_("Amounts must be decimals, not floating-point numbers."))
    missing = PayablesError(
        _("Line %(line)s: the %(field)s is missing or not a number.")
        % {"line": line, "field": label}
    )
    if value is None or value == "":
        raise missing
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise missing from None
    if not number.is_finite():
        raise missing
    return number


def _clean(instance, *, exclude=None) -> None:
    """Model validation, shown to people as one readable message."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        raise PayablesError(" ".join(exc.messages)) from None


def _quantity(value: Decimal) -> str:
    return f"{value.normalize():f}"


# Supplier bills ---------------------------------------------------------------


def _bill_lines(*, supplier: Supplier, lines: list[BillLineData]) -> list[SupplierBillLine]:
    """Unsaved bill lines with their amounts, or a clear error for the first bad one."""
    if not lines:
        raise PayablesError(_("A bill needs at least one line."))
    default_account = supplier.default_expense_account or account_for("default_expense")
    built = []
    for number, data in enumerate(lines, start=1):
        description = (data.get("description") or "").strip()
        if not description:
            raise PayablesError(_("Line %(line)s needs a description.") % {"line": number})
        quantity = _decimal(data.get("quantity"), line=number, label=_("quantity"))
        unit_price = _decimal(data.get("unit_price"), line=number, label=_("unit price"))
        vat_rate = _decimal(data.get("vat_rate"), line=number, label=_("VAT rate"))
        if quantity <= 0:
            raise PayablesError(
                _("Line %(line)s: the quantity must be more than zero.") % {"line": number}
            )
        if unit_price < 0:
            raise PayablesError(
                _("Line %(line)s: the unit price cannot be negative.") % {"line": number}
            )
        if not ZERO <= vat_rate <= HUNDRED:
            raise PayablesError(
                _("Line %(line)s: the VAT rate is between 0 and 100.") % {"line": number}
            )
        account = data.get("account") or default_account
        if not account.is_active:
            raise PayablesError(_("The account %(account)s is closed.") % {"account": account})
        net, vat = line_amounts(quantity=quantity, unit_price=unit_price, vat_rate=vat_rate)
        built.append(
            SupplierBillLine(
                order_line=data.get("order_line"),
                description=description,
                account=account,
                quantity=quantity,
                unit_price=unit_price,
                vat_rate=vat_rate,
                net_amount=net,
                vat_amount=vat,
            )
        )
    return built


def _check_order(*, order: PurchaseOrder, supplier: Supplier, lines) -> None:
    if order.supplier_id != supplier.pk:
        raise PayablesError(_("The order %(order)s is for another supplier.") % {"order": order})
    if order.status not in BILLABLE_ORDER_STATUSES:
        raise PayablesError(
            _("The order %(order)s is %(status)s; only agreed orders can be billed.")
            % {"order": order, "status": order.get_status_display()}
        )
    for line in lines:
        if line.order_line is not None and line.order_line.order_id != order.pk:
            raise PayablesError(
                _("%(item)s is a line of another order.") % {"item": line.order_line.item}
            )


def _three_way_match(*, order: PurchaseOrder, lines: list[SupplierBillLine], bill_pk) -> str:
    """What a bill says that the order and the goods received do not, one line each.

    A line may bill what was received and not yet billed, at the ordered
    price give or take PAYABLES_PRICE_TOLERANCE_PERCENT. Lines not on the
    order are differences too. An empty answer means the bill matches.
    """
    order_line_ids = {line.order_line_id for line in lines if line.order_line_id}
    received = dict(
        GoodsReceiptLine.objects.filter(order_line__in=order_line_ids)
        .values("order_line")
        .annotate(total=Sum("quantity"))
        .values_list("order_line", "total")
    )
    billed_before = dict(
        SupplierBillLine.objects.filter(order_line__in=order_line_ids)
        .exclude(bill__status=SupplierBill.Status.CANCELLED)
        .exclude(bill_id=bill_pk)
        .values("order_line")
        .annotate(total=Sum("quantity"))
        .values_list("order_line", "total")
    )
    tolerance = settings.PAYABLES_PRICE_TOLERANCE_PERCENT
    billed_now: dict[int, Decimal] = {}
    notes = []
    for line in lines:
        order_line = line.order_line
        if order_line is None:
            notes.append(_("%(item)s is not on the order.") % {"item": line.description})
            continue
        billed_now[order_line.pk] = billed_now.get(order_line.pk, ZERO) + line.quantity
        allowed_difference = order_line.unit_price * tolerance / HUNDRED
        if abs(line.unit_price - order_line.unit_price) > allowed_difference:
            notes.append(
                _("%(item)s: billed at %(billed)s a unit, ordered at %(ordered)s.")
                % {
                    "item": order_line.item,
                    "billed": line.unit_price.normalize(),
                    "ordered": order_line.unit_price.normalize(),
                }
            )
    for order_line in {line.order_line for line in lines if line.order_line}:
        got = received.get(order_line.pk, ZERO)
        before = billed_before.get(order_line.pk, ZERO)
        if billed_now[order_line.pk] > got - before:
            notes.append(
                _(
                    "%(item)s: billed %(billed)s, received %(received)s, "
                    "of which %(before)s billed before."
                )
                % {
                    "item": order_line.item,
                    "billed": _quantity(billed_now[order_line.pk]),
                    "received": _quantity(got),
                    "before": _quantity(before),
                }
            )
    return "\n".join(sorted(notes))


@transaction.atomic
def supplier_bill_create(
    *,
    by,
    supplier: Supplier,
    number: str,
    bill_date: date,
    lines: list[BillLineData],
    due_date: date | None = None,
    purchase_order: PurchaseOrder | None = None,
) -> SupplierBill:
    """Enter a supplier's bill; one from an order that does not match is put on hold.

    The due date is the bill date plus the supplier's payment terms unless
    given. Totals are the sums of the lines, each rounded half up.
    """
    number = (number or "").strip()
    if not number:
        raise PayablesError(_("Enter the supplier's invoice number."))
    if SupplierBill.objects.filter(supplier=supplier, number__iexact=number).exists():
        raise PayablesError(
            _("The invoice %(number)s of %(supplier)s is already entered.")
            % {"number": number, "supplier": supplier}
        )
    due_date = due_date or bill_date + timedelta(days=supplier.payment_terms_days)
    if due_date < bill_date:
        raise PayablesError(_("A bill cannot fall due before its date."))
    built = _bill_lines(supplier=supplier, lines=lines)
    if purchase_order is not None:
        _check_order(order=purchase_order, supplier=supplier, lines=built)
    bill = SupplierBill(
        supplier=supplier,
        number=number,
        purchase_order=purchase_order,
        bill_date=bill_date,
        due_date=due_date,
        net_amount=sum((line.net_amount for line in built), ZERO),
        vat_amount=sum((line.vat_amount for line in built), ZERO),
        created_by=by,
    )
    bill.total = bill.net_amount + bill.vat_amount
    if purchase_order is not None:
        bill.match_notes = _three_way_match(order=purchase_order, lines=built, bill_pk=None)
        if bill.match_notes:
            bill.status = SupplierBill.Status.ON_HOLD
    _clean(bill)
    bill._history_user = by
    bill.save()
    for line in built:
        line.bill = bill
        _clean(line)
    SupplierBillLine.objects.bulk_create(built)
    return bill


EDITABLE_BILL_STATUSES = (SupplierBill.Status.DRAFT, SupplierBill.Status.ON_HOLD)


@transaction.atomic
def supplier_bill_totals_refresh(*, by, bill: SupplierBill) -> SupplierBill:
    """Recompute each line's amounts and the bill's totals after lines were edited.

    For the admin, where an administrator corrects a bill's lines before
    approval; once approved the amounts are final.
    """
    bill = _lock_bill(bill)
    if bill.status not in EDITABLE_BILL_STATUSES:
        raise PayablesError(_("Only a draft bill or one on hold can be corrected."))
    lines = list(bill.lines.all())
    for line in lines:
        line.net_amount, line.vat_amount = line_amounts(
            quantity=line.quantity, unit_price=line.unit_price, vat_rate=line.vat_rate
        )
    SupplierBillLine.objects.bulk_update(lines, ["net_amount", "vat_amount"])
    bill.net_amount = sum((line.net_amount for line in lines), ZERO)
    bill.vat_amount = sum((line.vat_amount for line in lines), ZERO)
    bill.total = bill.net_amount + bill.vat_amount
    _save_bill(bill, by=by, reason="lines corrected")
    return bill


def _lock_bill(bill: SupplierBill) -> SupplierBill:
    return SupplierBill.objects.select_for_update().get(pk=bill.pk)


def _save_bill(bill: SupplierBill, *, by, reason: str = "") -> None:
    _clean(bill)
    bill._history_user = by
    if reason:
        bill._change_reason = reason
    bill.save()


@transaction.atomic
def supplier_bill_release(*, by, bill: SupplierBill, reason: str) -> SupplierBill:
    """Accept a bill that does not match its order; the reason stays in its history."""
    reason = (reason or "").strip()
    if not reason:
        raise PayablesError(_("Say why the bill is released despite the differences."))
    bill = _lock_bill(bill)
    if bill.status != SupplierBill.Status.ON_HOLD:
        raise PayablesError(_("Only a bill on hold can be released."))
    bill.status = SupplierBill.Status.DRAFT
    released = _("Released by %(user)s: %(reason)s") % {
        "user": by.get_full_name() or by.get_username(),
        "reason": reason,
    }
    bill.match_notes = f"{bill.match_notes}\n{released}".strip()
    _save_bill(bill, by=by, reason=reason[:100])
    return bill


@transaction.atomic
def supplier_bill_approve(*, by, bill: SupplierBill) -> SupplierBill:
    if not by.has_perm("accounting.approve_supplierbill"):
        raise PayablesError(_("You may not approve supplier bills."))
    bill = _lock_bill(bill)
    if bill.created_by_id == by.pk:
        raise PayablesError(_("The person who entered a bill cannot approve it."))
    if bill.status == SupplierBill.Status.ON_HOLD:
        raise PayablesError(_("The bill is on hold; release it before approving."))
    if bill.status != SupplierBill.Status.DRAFT:
        raise PayablesError(
            _("The bill is %(status)s; only a draft can be approved.")
            % {"status": bill.get_status_display()}
        )
    bill.status = SupplierBill.Status.APPROVED
    bill.approved_by = by
    bill.approved_at = timezone.now()
    _save_bill(bill, by=by, reason="approved")
    return bill


def _bill_entry_lines(bill: SupplierBill) -> list[dict]:
    nets = (
        bill.lines.values("account")
        .annotate(net=Sum("net_amount"))
        .order_by("account__code")
        .values_list("account", "net")
    )
    accounts = Account.objects.in_bulk([account for account, _net in nets])
    description = str(bill)
    lines = [
        {"account": accounts[account], "debit": net, "description": description}
        for account, net in nets
        if net
    ]
    if bill.vat_amount:
        lines.append(
            {
                "account": account_for("vat_deductible"),
                "debit": bill.vat_amount,
                "description": description,
            }
        )
    lines.append(
        {"account": account_for("payables"), "credit": bill.total, "description": description}
    )
    return lines


@transaction.atomic
def supplier_bill_post(*, by, bill: SupplierBill) -> SupplierBill:
    """Post an approved bill: its expenses and VAT against what is owed to the supplier."""
    bill = _lock_bill(bill)
    if bill.status == SupplierBill.Status.POSTED:
        raise PayablesError(_("This bill is already posted."))
    if bill.status != SupplierBill.Status.APPROVED:
        raise PayablesError(_("Only an approved bill can be posted."))
    if bill.total <= ZERO:
        raise PayablesError(_("A bill of nothing cannot be posted; cancel it instead."))
    entry = journal_entry_create(
        by=by,
        date=bill.bill_date,
        description=_("Bill %(number)s from %(supplier)s")
        % {"number": bill.number, "supplier": bill.supplier},
        lines=_bill_entry_lines(bill),
        source=JournalEntry.Source.SUPPLIER_BILL,
        source_key=f"supplier-bill:{bill.pk}",
    )
    bill.journal_entry = journal_entry_post(by=by, entry=entry)
    bill.status = SupplierBill.Status.POSTED
    _save_bill(bill, by=by, reason="posted")
    return bill


@transaction.atomic
def supplier_bill_cancel(*, by, bill: SupplierBill) -> SupplierBill:
    bill = _lock_bill(bill)
    if bill.status == SupplierBill.Status.POSTED:
        raise PayablesError(
            _("A posted bill cannot be cancelled; a credit note from the supplier corrects it.")
        )
    if bill.status == SupplierBill.Status.CANCELLED:
        raise PayablesError(_("This bill is already cancelled."))
    bill.status = SupplierBill.Status.CANCELLED
    _save_bill(bill, by=by, reason="cancelled")
    return bill


# Payment batches --------------------------------------------------------------


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
        .exclude(batch__status=PaymentBatch.Status.CANCELLED)
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
        if bill.status != SupplierBill.Status.POSTED:
            raise PayablesError(_("Only posted bills can be paid: %(bill)s.") % {"bill": bill})
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
    _clean(batch)
    batch._history_user = by
    batch.save()
    built = _payments(batch=batch, payments=payments)
    for payment in built:
        _clean(payment)
    Payment.objects.bulk_create(built)
    return batch


def _lock_batch(batch: PaymentBatch) -> PaymentBatch:
    return PaymentBatch.objects.select_for_update().get(pk=batch.pk)


def _save_batch(batch: PaymentBatch, *, by, reason: str) -> None:
    _clean(batch)
    batch._history_user = by
    batch._change_reason = reason
    batch.save()


@transaction.atomic
def payment_batch_approve(*, by, batch: PaymentBatch) -> PaymentBatch:
    if not by.has_perm("accounting.approve_paymentbatch"):
        raise PayablesError(_("You may not approve payment batches."))
    batch = _lock_batch(batch)
    if batch.created_by_id == by.pk:
        raise PayablesError(_("The person who prepared a batch cannot approve it."))
    if batch.status != PaymentBatch.Status.DRAFT:
        raise PayablesError(
            _("The batch is %(status)s; only a draft can be approved.")
            % {"status": batch.get_status_display()}
        )
    batch.status = PaymentBatch.Status.APPROVED
    batch.approved_by = by
    batch.approved_at = timezone.now()
    _save_batch(batch, by=by, reason="approved")
    return batch


@transaction.atomic
def payment_batch_cancel(*, by, batch: PaymentBatch) -> PaymentBatch:
    batch = _lock_batch(batch)
    if batch.status not in (PaymentBatch.Status.DRAFT, PaymentBatch.Status.APPROVED):
        raise PayablesError(
            _("The batch is %(status)s; only a batch not yet sent to the bank can be cancelled.")
            % {"status": batch.get_status_display()}
        )
    batch.status = PaymentBatch.Status.CANCELLED
    _save_batch(batch, by=by, reason="cancelled")
    return batch


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
    if batch.status not in (PaymentBatch.Status.APPROVED, PaymentBatch.Status.EXPORTED):
        raise PayablesError(_("Only an approved batch can be sent to the bank."))
    content_type, extension, build = EXPORT_FORMATS[file_format]
    content = build(batch, payment_batch_transfers(batch=batch))
    if batch.status == PaymentBatch.Status.APPROVED:
        batch.status = PaymentBatch.Status.EXPORTED
        batch.exported_at = timezone.now()
        _save_batch(batch, by=by, reason=f"exported ({extension})")
    return f"{batch.reference}.{extension}", content_type, content


@transaction.atomic
def payment_batch_post(*, by, batch: PaymentBatch) -> PaymentBatch:
    """The bank paid the batch: debit what each supplier was owed, credit the bank."""
    batch = _lock_batch(batch)
    if batch.status == PaymentBatch.Status.POSTED:
        raise PayablesError(_("This batch is already paid and posted."))
    if batch.status != PaymentBatch.Status.EXPORTED:
        raise PayablesError(_("Send the batch to the bank before marking it paid."))
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
    batch.journal_entry = journal_entry_post(by=by, entry=entry)
    batch.status = PaymentBatch.Status.POSTED
    _save_batch(batch, by=by, reason="paid")
    return batch


# Reminders ----------------------------------------------------------------------


def _claim_reminders(*, bills, kind: str) -> list[int]:
    """Record a reminder for each of `bills` not yet reminded of `kind`; return their ids.

    One INSERT ... SELECT ... ON CONFLICT DO NOTHING: set-based, and two runs
    at the same time cannot both claim the same bill.
    """
    # The annotated selection nested once more, so the outer select is the id alone.
    chosen = SupplierBill.objects.filter(pk__in=bills.order_by().values("pk")).values("id")
    select, params = chosen.query.sql_with_params()
    table = SupplierBillReminder._meta.db_table
    # "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT.
    sql = (
        f"INSERT INTO {table} (bill_id, kind, sent_at) "  # noqa: S608 (names are ours)
        f"SELECT chosen.id, %s, %s FROM ({select}) AS chosen WHERE true "
        "ON CONFLICT (bill_id, kind) DO NOTHING RETURNING bill_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [kind, timezone.now(), *params])
        return [row[0] for row in cursor.fetchall()]


def _remind(*, kind: str, bill_ids: list[int], title: str, level: str, url: str) -> None:
    bills = list(
        SupplierBill.objects.filter(pk__in=bill_ids)
        .select_related("supplier")
        .order_by("due_date", "pk")[:REMINDER_LIST_LENGTH]
    )
    body = "\n".join(f"{bill.due_date}: {bill} ({bill.total})" for bill in bills)
    if len(bill_ids) > len(bills):
        body += "\n" + _("and %(count)s more.") % {"count": len(bill_ids) - len(bills)}
    notification_send_to_group(
        group=roles.ACCOUNTANT,
        title=title,
        body=body,
        url=url,
        level=level,
        source=f"accounting.supplier_bill_{kind}",
    )


@transaction.atomic
def supplier_bill_reminders_send(*, today: date | None = None, days: int | None = None) -> dict:
    """Tell the accountants, once per bill and state, of bills due soon and overdue."""
    today = today or timezone.localdate()
    days = settings.PAYABLES_REMINDER_DAYS if days is None else days
    due_soon = _claim_reminders(
        bills=bills_due_soon(today=today, days=days), kind=SupplierBillReminder.Kind.DUE_SOON
    )
    overdue = _claim_reminders(
        bills=bills_overdue(today=today), kind=SupplierBillReminder.Kind.OVERDUE
    )
    if due_soon:
        _remind(
            kind="due_soon",
            bill_ids=due_soon,
            title=ngettext(
                "%(count)s supplier bill falls due within %(days)s days",
                "%(count)s supplier bills fall due within %(days)s days",
                len(due_soon),
            )
            % {"count": len(due_soon), "days": days},
            level=Notification.Level.INFO,
            url=reverse("accounting:bill-due-soon"),
        )
    if overdue:
        _remind(
            kind="overdue",
            bill_ids=overdue,
            title=ngettext(
                "%(count)s supplier bill is overdue",
                "%(count)s supplier bills are overdue",
                len(overdue),
            )
            % {"count": len(overdue)},
            level=Notification.Level.WARNING,
            url=reverse("accounting:payables-ageing"),
        )
    return {"due_soon": len(due_soon), "overdue": len(overdue)}
