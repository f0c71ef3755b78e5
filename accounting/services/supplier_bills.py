"""Writes of supplier bills: entry, correction, release from hold, approval by
a second person, posting to the ledger and cancellation.

draft (or on_hold when it does not match its order) -> approved -> posted;
anything before posted can be cancelled. Every status change goes through
`transition()`, so each leaves a history row with who made it.
"""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TypedDict

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from accounting.chart import account_for
from accounting.models.ledger import Account, JournalEntry
from accounting.models.payables import (
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
    SupplierBill,
    SupplierBillLine,
)
from accounting.money import HUNDRED, ZERO, line_amounts
from accounting.services.ledger import journal_entry_create, journal_entry_post
from accounting.services.payables import PayablesError
from accounting.services.supplier_bill_matching import (
    supplier_bill_match,
    supplier_bill_order_check,
)
from backoffice.errors import clean_or_raise
from backoffice.workflow import require_status, transition

Status = SupplierBill.Status
EDITABLE_BILL_STATUSES = (Status.DRAFT, Status.ON_HOLD)
CANCELLABLE_BILL_STATUSES = (Status.DRAFT, Status.ON_HOLD, Status.APPROVED)


class BillLineData(TypedDict, total=False):
    description: str
    account: Account | None
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal
    order_line: PurchaseOrderLine | None


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
        supplier_bill_order_check(order=purchase_order, supplier=supplier, lines=built)
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
        bill.match_notes = supplier_bill_match(order=purchase_order, lines=built, bill_pk=None)
        if bill.match_notes:
            bill.status = Status.ON_HOLD
    clean_or_raise(bill, error=PayablesError)
    bill._history_user = by
    bill.save()
    for line in built:
        line.bill = bill
        clean_or_raise(line, error=PayablesError)
    SupplierBillLine.objects.bulk_create(built)
    return bill


def _lock_bill(bill: SupplierBill) -> SupplierBill:
    return SupplierBill.objects.select_for_update().get(pk=bill.pk)


@transaction.atomic
def supplier_bill_totals_refresh(*, by, bill: SupplierBill) -> SupplierBill:
    """Recompute each line's amounts and the bill's totals after lines were edited.

    For the admin, where an administrator corrects a bill's lines before
    approval; once approved the amounts are final.
    """
    bill = _lock_bill(bill)
    require_status(
        bill,
        EDITABLE_BILL_STATUSES,
        error=PayablesError,
        message=_("Only a draft bill or one on hold can be corrected."),
    )
    lines = list(bill.lines.all())
    for line in lines:
        line.net_amount, line.vat_amount = line_amounts(
            quantity=line.quantity, unit_price=line.unit_price, vat_rate=line.vat_rate
        )
    SupplierBillLine.objects.bulk_update(lines, ["net_amount", "vat_amount"])
    bill.net_amount = sum((line.net_amount for line in lines), ZERO)
    bill.vat_amount = sum((line.vat_amount for line in lines), ZERO)
    bill.total = bill.net_amount + bill.vat_amount
    clean_or_raise(bill, error=PayablesError)
    bill._history_user = by
    bill._change_reason = "lines corrected"
    bill.save()
    return bill


@transaction.atomic
def supplier_bill_release(*, by, bill: SupplierBill, reason: str) -> SupplierBill:
    """Accept a bill that does not match its order; the reason stays in its history."""
    reason = (reason or "").strip()
    if not reason:
        raise PayablesError(_("Say why the bill is released despite the differences."))
    bill = _lock_bill(bill)
    released = _("Released by %(user)s: %(reason)s") % {
        "user": by.get_full_name() or by.get_username(),
        "reason": reason,
    }
    return transition(
        bill,
        to=Status.DRAFT,
        allowed_from=[Status.ON_HOLD],
        by=by,
        error=PayablesError,
        message=_("Only a bill on hold can be released."),
        reason=reason,
        changes={"match_notes": f"{bill.match_notes}\n{released}".strip()},
    )


@transaction.atomic
def supplier_bill_approve(*, by, bill: SupplierBill) -> SupplierBill:
    if not by.has_perm("accounting.approve_supplierbill"):
        raise PayablesError(_("You may not approve supplier bills."))
    bill = _lock_bill(bill)
    if bill.created_by_id == by.pk:
        raise PayablesError(_("The person who entered a bill cannot approve it."))
    refused = {Status.ON_HOLD: _("The bill is on hold; release it before approving.")}
    return transition(
        bill,
        to=Status.APPROVED,
        allowed_from=[Status.DRAFT],
        by=by,
        stamp="approved",
        error=PayablesError,
        message=refused.get(bill.status)
        or _("The bill is %(status)s; only a draft can be approved.")
        % {"status": bill.get_status_display()},
        reason="approved",
    )


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
    refused = {Status.POSTED: _("This bill is already posted.")}
    refusal = refused.get(bill.status) or _("Only an approved bill can be posted.")
    require_status(bill, [Status.APPROVED], error=PayablesError, message=refusal)
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
    return transition(
        bill,
        to=Status.POSTED,
        allowed_from=[Status.APPROVED],
        by=by,
        error=PayablesError,
        message=refusal,
        reason="posted",
        changes={"journal_entry": journal_entry_post(by=by, entry=entry)},
    )


@transaction.atomic
def supplier_bill_cancel(*, by, bill: SupplierBill) -> SupplierBill:
    bill = _lock_bill(bill)
    refused = {
        Status.POSTED: _(
            "A posted bill cannot be cancelled; a credit note from the supplier corrects it."
        ),
        Status.CANCELLED: _("This bill is already cancelled."),
    }
    return transition(
        bill,
        to=Status.CANCELLED,
        allowed_from=CANCELLABLE_BILL_STATUSES,
        by=by,
        error=PayablesError,
        message=refused.get(bill.status),
        reason="cancelled",
    )
