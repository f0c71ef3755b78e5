"""Writes of purchase orders (suppliers: `suppliers`; goods received: `goods_receipts`).

An order moves draft -> (submit) approved, or awaiting_approval when its
total is over `PURCHASE_APPROVAL_THRESHOLD` -> approved by someone other
than its preparer -> sent (the PDF is emailed after commit by a task) ->
partially_received / received as goods receipts come in -> closed.
It can be cancelled until the first goods arrive; only a draft is edited.
Each function locks the order and moves it with `transition()`, which
refuses a step not allowed from its current state and leaves a history row.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounting.models.ledger import Account
from accounting.models.payables import PurchaseOrder, PurchaseOrderLine, Supplier
from accounting.selectors.purchasing import totals_of
from accounting.services.numbering import document_number_next
from backoffice import roles
from backoffice.errors import DomainError, clean_or_raise
from backoffice.mail import MailAttachment, MailClaim, mail_send
from backoffice.services import notification_send, notification_send_to_group
from backoffice.workflow import require_status, transition

Status = PurchaseOrder.Status
PO_SERIES = "PO"
CANCELLABLE = (Status.DRAFT, Status.AWAITING_APPROVAL, Status.APPROVED, Status.SENT)
RECEIVABLE = (Status.SENT, Status.PARTIALLY_RECEIVED)


class PurchasingError(DomainError):
    pass


def _save(order: PurchaseOrder, *, by) -> None:
    """Validate and save a draft with `by` recorded in the history."""
    clean_or_raise(order, error=PurchasingError)
    order._history_user = by
    order.save()


# Purchase orders: drafting ---------------------------------------------------


@dataclass
class OrderLineData:
    item: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal | None = None
    description: str = ""
    account: Account | None = None


def order_decimal(value, label: str) -> Decimal:
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
            quantity=order_decimal(data.get("quantity"), _("Quantity")),
            unit_price=order_decimal(data.get("unit_price"), _("Unit price")),
            vat_rate=order_decimal(
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
        clean_or_raise(line, error=PurchasingError, prefix=f"{line.item}: ", exclude=["order"])
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


def purchase_order_lock(order: PurchaseOrder) -> PurchaseOrder:
    return PurchaseOrder.objects.select_for_update().select_related("supplier").get(pk=order.pk)


def purchase_order_refusal(order: PurchaseOrder, message: str) -> str:
    """What to say when a step is not allowed from the order's state."""
    return _("%(message)s The order %(number)s is %(status)s.") % {
        "message": message,
        "number": order.number,
        "status": order.get_status_display(),
    }


def purchase_order_require(order: PurchaseOrder, allowed, refusal: str) -> None:
    """`require_status()` with purchasing's error and the refusal naming the order's state."""
    require_status(
        order, allowed, error=PurchasingError, message=purchase_order_refusal(order, refusal)
    )


def purchase_order_move(order: PurchaseOrder, *, to: str, allowed, refusal: str, **kwargs):
    """`transition()` with purchasing's error and the refusal naming the order's state."""
    return transition(
        order,
        to=to,
        allowed_from=allowed,
        error=PurchasingError,
        message=purchase_order_refusal(order, refusal),
        **kwargs,
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
    order = purchase_order_lock(order)
    purchase_order_require(order, [Status.DRAFT], _("Only a draft can be edited."))
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
    order = purchase_order_lock(order)
    refusal = _("Only a draft can be submitted.")
    purchase_order_require(order, [Status.DRAFT], refusal)
    _check_supplier(order.supplier)
    totals = totals_of(order.lines.all())
    if totals.total <= settings.PURCHASE_APPROVAL_THRESHOLD:
        return purchase_order_move(
            order,
            to=Status.APPROVED,
            allowed=[Status.DRAFT],
            refusal=refusal,
            by=by,
            reason="approved within the threshold",
            changes={"approved_by": None, "approved_at": timezone.now(), "review_comment": ""},
        )
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
    return purchase_order_move(
        order,
        to=Status.AWAITING_APPROVAL,
        allowed=[Status.DRAFT],
        refusal=refusal,
        by=by,
        reason="submitted for approval",
        changes={"review_comment": ""},
    )


def _check_approver(by, order: PurchaseOrder) -> None:
    if not by.has_perm("accounting.approve_purchaseorder"):
        raise PurchasingError(_("You may not approve purchase orders."))
    if order.created_by_id == by.pk:
        raise PurchasingError(
            _("You prepared %(number)s; someone else must approve it.") % {"number": order.number}
        )


@transaction.atomic
def purchase_order_approve(*, by, order: PurchaseOrder) -> PurchaseOrder:
    order = purchase_order_lock(order)
    refusal = _("Only an order awaiting approval is approved.")
    purchase_order_require(order, [Status.AWAITING_APPROVAL], refusal)
    _check_approver(by, order)
    purchase_order_move(
        order,
        to=Status.APPROVED,
        allowed=[Status.AWAITING_APPROVAL],
        refusal=refusal,
        by=by,
        stamp="approved",
        reason="approved",
    )
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
    order = purchase_order_lock(order)
    refusal = _("Only an order awaiting approval is rejected.")
    purchase_order_require(order, [Status.AWAITING_APPROVAL], refusal)
    _check_approver(by, order)
    comment = (comment or "").strip()
    if not comment:
        raise PurchasingError(_("Say why the order goes back to draft."))
    purchase_order_move(
        order,
        to=Status.DRAFT,
        allowed=[Status.AWAITING_APPROVAL],
        refusal=refusal,
        by=by,
        reason=f"returned to draft: {comment}",
        changes={"review_comment": comment},
    )
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

    order = purchase_order_lock(order)
    refusal = _("Only an approved order can be sent.")
    purchase_order_require(order, [Status.APPROVED], refusal)
    if not order.supplier.email:
        raise PurchasingError(
            _("The supplier %(name)s has no email address; add one before sending.")
            % {"name": order.supplier}
        )
    purchase_order_move(
        order, to=Status.SENT, allowed=[Status.APPROVED], refusal=refusal, by=by, reason="sent"
    )
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
    order = purchase_order_lock(order)
    refusal = _("An order can be cancelled only before goods arrive.")
    purchase_order_require(order, CANCELLABLE, refusal)
    if order.receipts.exists():
        raise PurchasingError(_("Goods have been received on this order; it cannot be cancelled."))
    return purchase_order_move(
        order,
        to=Status.CANCELLED,
        allowed=CANCELLABLE,
        refusal=refusal,
        by=by,
        reason=f"cancelled: {reason}".strip(": "),
    )


@transaction.atomic
def purchase_order_close(*, by, order: PurchaseOrder) -> PurchaseOrder:
    """Close a received order, or one whose remaining goods will not come."""
    order = purchase_order_lock(order)
    return purchase_order_move(
        order,
        to=Status.CLOSED,
        allowed=[Status.RECEIVED, Status.PARTIALLY_RECEIVED],
        refusal=_("Only an order with goods received can be closed."),
        by=by,
        reason="closed",
    )
