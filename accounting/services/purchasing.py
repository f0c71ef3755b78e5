"""Writes of purchasing: suppliers, purchase orders and goods received.

An order moves draft -> (submit) approved, or awaiting_approval when its
total is over `PURCHASE_APPROVAL_THRESHOLD` -> approved by someone other
than its preparer -> sent (the PDF is emailed after commit by a task) ->
partially_received / received as goods receipts come in -> closed.
It can be cancelled until the first goods arrive; only a draft is edited.
Each function locks the order, checks the step is allowed from its
current state and leaves the state unchanged when it refuses.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounting.models.ledger import Account
from accounting.models.payables import (
    GoodsReceipt,
    GoodsReceiptLine,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
)
from accounting.selectors.purchasing import totals_of
from accounting.services.numbering import document_number_next
from accounting.templatetags.quantities import plain_quantity
from backoffice import roles
from backoffice.errors import DomainError
from backoffice.mail import MailAttachment, MailClaim, mail_send
from backoffice.services import notification_send, notification_send_to_group
from backoffice.validators import compact_iban

Status = PurchaseOrder.Status
PO_SERIES = "PO"
SUPPLIER_FIELDS = (
    "name",
    "kind",
    "tax_id",
    "contact_name",
    "email",
    "phone",
    "address",
    "iban",
    "bank_name",
    "bic",
    "payment_terms_days",
    "default_expense_account",
)
CANCELLABLE = (Status.DRAFT, Status.AWAITING_APPROVAL, Status.APPROVED, Status.SENT)
RECEIVABLE = (Status.SENT, Status.PARTIALLY_RECEIVED)


class PurchasingError(DomainError):
    pass


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


def _save(instance, *, by, reason: str = "") -> None:
    """Validate and save with `by` (and a reason) recorded in the history."""
    try:
        instance.full_clean()
    except ValidationError as exc:
        raise PurchasingError(_message(exc)) from exc
    instance._history_user = by
    if reason:
        instance._change_reason = reason[:100]
    instance.save()


# Suppliers -------------------------------------------------------------------


def normalise_tax_id(value: str) -> str:
    return "".join(value.split()).upper()


def _supplier_apply(supplier: Supplier, data: dict) -> None:
    unknown = set(data) - set(SUPPLIER_FIELDS)
    if unknown:
        raise TypeError(f"Unknown supplier fields: {sorted(unknown)}")
    for name, value in data.items():
        setattr(supplier, name, value)
    supplier.tax_id = normalise_tax_id(supplier.tax_id or "")
    supplier.iban = compact_iban(supplier.iban or "")
    supplier.bic = (supplier.bic or "").strip().upper()
    duplicate = Supplier.objects.filter(tax_id=supplier.tax_id).exclude(pk=supplier.pk).first()
    if duplicate is not None:
        raise PurchasingError(
            _("The tax id %(tax_id)s already belongs to the supplier %(name)s.")
            % {"tax_id": supplier.tax_id, "name": duplicate.name}
        )


@transaction.atomic
def supplier_create(*, by, **data) -> Supplier:
    supplier = Supplier()
    _supplier_apply(supplier, data)
    _save(supplier, by=by)
    return supplier


@transaction.atomic
def supplier_update(*, by, supplier: Supplier, **data) -> Supplier:
    supplier = Supplier.objects.select_for_update().get(pk=supplier.pk)
    _supplier_apply(supplier, data)
    _save(supplier, by=by)
    return supplier


@transaction.atomic
def supplier_set_active(*, by, supplier: Supplier, active: bool) -> Supplier:
    """Suppliers are deactivated, never deleted: their orders and bills keep them."""
    supplier = Supplier.objects.select_for_update().get(pk=supplier.pk)
    if supplier.is_active == active:
        return supplier
    supplier.is_active = active
    _save(supplier, by=by, reason="activated" if active else "deactivated")
    return supplier


# Purchase orders: drafting ---------------------------------------------------


@dataclass
class OrderLineData:
    item: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal | None = None
    description: str = ""
    account: Account | None = None


def _decimal(value, label: str) -> Decimal:
    if isinstance(value, float):
        raise PurchasingError(
            _("%(field)s must be a decimal, not a floating-point number.") % {"field": label}
        )
    return Decimal(value)


def _build_lines(order: PurchaseOrder, lines) -> list[PurchaseOrderLine]:
    built = []
    for data in lines:
        data = data if isinstance(data, dict) else data.__dict__
        vat_rate = data.get("vat_rate")
        line = PurchaseOrderLine(
            order=order,
            item=(data.get("item") or "").strip(),
            description=(data.get("description") or "").strip(),
            quantity=_decimal(data.get("quantity"), _("Quantity")),
            unit_price=_decimal(data.get("unit_price"), _("Unit price")),
            vat_rate=_decimal(
                settings.DEFAULT_VAT_RATE if vat_rate is None else vat_rate, _("VAT %")
            ),
            account=data.get("account"),
        )
        if line.quantity <= 0:
            raise PurchasingError(
                _("The quantity of %(item)s must be more than zero.") % {"item": line.item}
            )
        if line.account is not None and not line.account.is_active:
            raise PurchasingError(
                _("The account %(account)s is closed.") % {"account": line.account}
            )
        try:
            line.full_clean(exclude=["order"])
        except ValidationError as exc:
            raise PurchasingError(f"{line.item}: {_message(exc)}") from exc
        built.append(line)
    if not built:
        raise PurchasingError(_("An order needs at least one line."))
    return built


def _check_supplier(supplier: Supplier) -> None:
    if not supplier.is_active:
        raise PurchasingError(
            _("The supplier %(name)s is inactive; reactivate them first.") % {"name": supplier}
        )


@transaction.atomic
def purchase_order_create(
    *,
    by,
    supplier: Supplier,
    order_date: date,
    lines,
    expected_date: date | None = None,
    deliver_to: str = "",
    notes: str = "",
) -> PurchaseOrder:
    """A draft order with its lines and the next number of the order's year."""
    _check_supplier(supplier)
    order = PurchaseOrder(
        supplier=supplier,
        order_date=order_date,
        expected_date=expected_date,
        deliver_to=deliver_to,
        notes=notes,
        created_by=by,
        number="PO-pending",
    )
    built = _build_lines(order, lines)
    order.number = document_number_next(series=PO_SERIES, year=order_date.year)
    _save(order, by=by)
    PurchaseOrderLine.objects.bulk_create(built)
    return order


def _lock(order: PurchaseOrder) -> PurchaseOrder:
    return PurchaseOrder.objects.select_for_update().select_related("supplier").get(pk=order.pk)


def _require(order: PurchaseOrder, allowed, message: str) -> None:
    if order.status not in allowed:
        raise PurchasingError(
            _("%(message)s The order %(number)s is %(status)s.")
            % {"message": message, "number": order.number, "status": order.get_status_display()}
        )


@transaction.atomic
def purchase_order_update(
    *,
    by,
    order: PurchaseOrder,
    supplier: Supplier,
    order_date: date,
    lines,
    expected_date: date | None = None,
    deliver_to: str = "",
    notes: str = "",
) -> PurchaseOrder:
    """Replace a draft's header and lines; any other state is final."""
    order = _lock(order)
    _require(order, [Status.DRAFT], _("Only a draft can be edited."))
    if supplier.pk != order.supplier_id:
        _check_supplier(supplier)
    order.supplier = supplier
    order.order_date = order_date
    order.expected_date = expected_date
    order.deliver_to = deliver_to
    order.notes = notes
    built = _build_lines(order, lines)
    _save(order, by=by)
    order.lines.all().delete()
    PurchaseOrderLine.objects.bulk_create(built)
    return order


# Purchase orders: approval -----------------------------------------------------


def _order_url(order: PurchaseOrder) -> str:
    return reverse("accounting:purchaseorder-detail", kwargs={"pk": order.pk})


@transaction.atomic
def purchase_order_submit(*, by, order: PurchaseOrder) -> PurchaseOrder:
    """Approve at once up to the threshold; above it, wait for a second person."""
    order = _lock(order)
    _require(order, [Status.DRAFT], _("Only a draft can be submitted."))
    _check_supplier(order.supplier)
    totals = totals_of(order.lines.all())
    if totals.total <= settings.PURCHASE_APPROVAL_THRESHOLD:
        order.status = Status.APPROVED
        order.approved_by = None
        order.approved_at = timezone.now()
        reason = "approved within the threshold"
    else:
        order.status = Status.AWAITING_APPROVAL
        reason = "submitted for approval"
        notification_send_to_group(
            group=roles.PAYROLL_APPROVER,
            title=_("Purchase order %(number)s awaits your approval") % {"number": order.number},
            body=_("%(supplier)s, total %(total)s %(currency)s.")
            % {
                "supplier": order.supplier,
                "total": totals.total,
                "currency": settings.BASE_CURRENCY,
            },
            url=_order_url(order),
            source="accounting.purchaseorder",
        )
    order.review_comment = ""
    _save(order, by=by, reason=reason)
    return order


def _check_approver(by, order: PurchaseOrder) -> None:
    if not by.has_perm("accounting.approve_purchaseorder"):
        raise PurchasingError(_("You may not approve purchase orders."))
    if order.created_by_id == by.pk:
        raise PurchasingError(
            _("You prepared %(number)s; someone else must approve it.") % {"number": order.number}
        )


@transaction.atomic
def purchase_order_approve(*, by, order: PurchaseOrder) -> PurchaseOrder:
    order = _lock(order)
    _require(order, [Status.AWAITING_APPROVAL], _("Only an order awaiting approval is approved."))
    _check_approver(by, order)
    order.status = Status.APPROVED
    order.approved_by = by
    order.approved_at = timezone.now()
    _save(order, by=by, reason="approved")
    notification_send(
        recipients=[order.created_by],
        title=_("Purchase order %(number)s is approved") % {"number": order.number},
        url=_order_url(order),
        source="accounting.purchaseorder",
    )
    return order


@transaction.atomic
def purchase_order_reject(*, by, order: PurchaseOrder, comment: str) -> PurchaseOrder:
    """Return the order to its preparer as a draft, saying why."""
    order = _lock(order)
    _require(order, [Status.AWAITING_APPROVAL], _("Only an order awaiting approval is rejected."))
    _check_approver(by, order)
    comment = (comment or "").strip()
    if not comment:
        raise PurchasingError(_("Say why the order goes back to draft."))
    order.status = Status.DRAFT
    order.review_comment = comment
    _save(order, by=by, reason=f"returned to draft: {comment}")
    notification_send(
        recipients=[order.created_by],
        title=_("Purchase order %(number)s was returned to draft") % {"number": order.number},
        body=comment,
        url=_order_url(order),
        level="warning",
        source="accounting.purchaseorder",
    )
    return order


# Purchase orders: sending ------------------------------------------------------


@transaction.atomic
def purchase_order_send(*, by, order: PurchaseOrder) -> PurchaseOrder:
    """Mark the order sent; its PDF is emailed to the supplier after commit."""
    from accounting.tasks import purchase_order_email_task

    order = _lock(order)
    _require(order, [Status.APPROVED], _("Only an approved order can be sent."))
    if not order.supplier.email:
        raise PurchasingError(
            _("The supplier %(name)s has no email address; add one before sending.")
            % {"name": order.supplier}
        )
    order.status = Status.SENT
    _save(order, by=by, reason="sent")
    order_id = order.pk
    transaction.on_commit(lambda: purchase_order_email_task.delay(order_id))
    return order


def purchase_order_pdf(*, order: PurchaseOrder) -> bytes:
    """The order as the supplier receives it: a PDF rendered by WeasyPrint."""
    from weasyprint import HTML

    from accounting.selectors.purchasing import purchase_order_lines

    lines = purchase_order_lines(order)
    html = render_to_string(
        "accounting/purchaseorder_pdf.html",
        {
            "order": order,
            "lines": lines,
            "totals": totals_of(lines),
            "company": {
                "name": settings.COMPANY_NAME,
                "tax_id": settings.COMPANY_TAX_ID,
                "address": settings.COMPANY_ADDRESS,
                "iban": settings.COMPANY_IBAN,
                "bic": settings.COMPANY_BIC,
            },
            "currency": settings.BASE_CURRENCY,
        },
    )
    return HTML(string=html).write_pdf()


def purchase_order_email(*, order_id: int) -> bool:
    """Email the order's PDF to the supplier once, however often this runs.

    `sent_at` is claimed in the transaction that sends the mail; if sending
    fails the claim is given back, the error raised, and the core's outbox
    sends the mail again later.
    """
    order = (
        PurchaseOrder.objects.select_related("supplier", "created_by")
        .filter(pk=order_id, status__in=[*RECEIVABLE, Status.RECEIVED], sent_at__isnull=True)
        .first()
    )
    if order is None:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        pdf = purchase_order_pdf(order=order)
        subject = _("Purchase order %(number)s from %(company)s") % {
            "number": order.number,
            "company": settings.COMPANY_NAME,
        }
        context = {"order": order, "company_name": settings.COMPANY_NAME}
        body = render_to_string("accounting/email/purchaseorder_sent.txt", context)
    return mail_send(
        key=f"accounting.purchase_order:{order.pk}",
        to=[order.supplier.email],
        subject=subject,
        body=body,
        reply_to=[order.created_by.email] if order.created_by.email else [],
        attachments=[MailAttachment(f"{order.number}.pdf", pdf, "application/pdf")],
        claim=MailClaim(order, "sent_at"),
    )


# Purchase orders: end of life -------------------------------------------------


@transaction.atomic
def purchase_order_cancel(*, by, order: PurchaseOrder, reason: str = "") -> PurchaseOrder:
    order = _lock(order)
    _require(order, CANCELLABLE, _("An order can be cancelled only before goods arrive."))
    if order.receipts.exists():
        raise PurchasingError(_("Goods have been received on this order; it cannot be cancelled."))
    order.status = Status.CANCELLED
    _save(order, by=by, reason=f"cancelled: {reason}".strip(": "))
    return order


@transaction.atomic
def purchase_order_close(*, by, order: PurchaseOrder) -> PurchaseOrder:
    """Close a received order, or one whose remaining goods will not come."""
    order = _lock(order)
    _require(
        order,
        [Status.RECEIVED, Status.PARTIALLY_RECEIVED],
        _("Only an order with goods received can be closed."),
    )
    order.status = Status.CLOSED
    _save(order, by=by, reason="closed")
    return order


# Goods receipts ------------------------------------------------------------------


@transaction.atomic
def goods_receipt_record(
    *,
    by,
    order: PurchaseOrder,
    received_on: date,
    quantities: dict[int, Decimal],
    note: str = "",
) -> GoodsReceipt:
    """Record goods received against an order's lines; the order's status follows.

    Everything is checked before anything is written: a quantity over what
    is still outstanding on its line refuses the whole receipt.
    """
    order = _lock(order)
    _require(order, RECEIVABLE, _("Goods are received only on an order sent to the supplier."))
    if received_on < order.order_date:
        raise PurchasingError(_("Goods cannot be received before the order date."))
    if received_on > timezone.localdate():
        raise PurchasingError(_("Goods cannot be received in the future."))
    lines = {line.pk: line for line in order.lines.all()}
    received = dict(
        GoodsReceiptLine.objects.filter(order_line__order=order)
        .values("order_line")
        .annotate(total=Sum("quantity"))
        .values_list("order_line", "total")
    )
    wanted = {}
    for line_id, quantity in quantities.items():
        quantity = _decimal(quantity or 0, _("Quantity"))
        if line_id not in lines:
            raise PurchasingError(_("A line does not belong to this order."))
        if quantity < 0:
            raise PurchasingError(_("Quantities received cannot be negative."))
        if quantity == 0:
            continue
        line = lines[line_id]
        outstanding = line.quantity - received.get(line_id, 0)
        if quantity > outstanding:
            raise PurchasingError(
                _(
                    "%(item)s: %(quantity)s received, but only %(outstanding)s of "
                    "%(ordered)s are still expected."
                )
                % {
                    "item": line.item,
                    "quantity": plain_quantity(quantity),
                    "outstanding": plain_quantity(outstanding),
                    "ordered": plain_quantity(line.quantity),
                }
            )
        wanted[line_id] = quantity
    if not wanted:
        raise PurchasingError(_("Enter the quantity received on at least one line."))
    receipt = GoodsReceipt(order=order, received_on=received_on, received_by=by, note=note)
    try:
        receipt.full_clean()
    except ValidationError as exc:
        raise PurchasingError(_message(exc)) from exc
    receipt.save()
    GoodsReceiptLine.objects.bulk_create(
        GoodsReceiptLine(receipt=receipt, order_line_id=line_id, quantity=quantity)
        for line_id, quantity in wanted.items()
    )
    complete = all(
        received.get(pk, 0) + wanted.get(pk, 0) >= line.quantity for pk, line in lines.items()
    )
    order.status = Status.RECEIVED if complete else Status.PARTIALLY_RECEIVED
    _save(order, by=by, reason="goods received")
    return receipt
