"""Pages of accounts payable: supplier bills and the ageing (payment batches:
`accounting.views.payment_batches`)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounting.forms.payables import (
    AsOfForm,
    BillFilterForm,
    BillForm,
    BillLineFormSet,
    DueSoonForm,
    OrderBillForm,
    OrderBillLineFormSet,
    OrderChoiceForm,
    ReasonForm,
)
from accounting.models.payables import (
    PurchaseOrder,
    PurchaseOrderLine,
    SupplierBill,
)
from accounting.selectors import payables as payables_selectors
from accounting.services.payables import PayablesError
from accounting.services.supplier_bills import (
    BillLineData,
    supplier_bill_approve,
    supplier_bill_cancel,
    supplier_bill_create,
    supplier_bill_post,
    supplier_bill_release,
)
from backoffice.permissions import require_perm

PAGE_SIZE = 50
ORDERS_OFFERED = 100


# Supplier bills -----------------------------------------------------------------


@require_perm("accounting.view_supplierbill")
def bill_list(request):
    bills = payables_selectors.bills_with_state().order_by("-bill_date", "-pk")
    form = BillFilterForm(request.GET or None)
    if form.is_valid():
        state, q = form.cleaned_data["state"], form.cleaned_data["q"].strip()
        if state in payables_selectors.BillState.LABELS:
            bills = bills.filter(state=state)
        elif state:
            bills = bills.filter(status=state)
        if q:
            bills = bills.filter(Q(number__icontains=q) | Q(supplier__name__icontains=q))
    page = Paginator(bills, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounting/bill_list.html",
        {
            "page": page,
            "form": form or BillFilterForm(),
            "querystring": query.urlencode(),
            "state_labels": payables_selectors.BillState.LABELS,
        },
    )


def _bill_lines(formset) -> list[BillLineData]:
    rows = [data for data in formset.cleaned_data if data]
    ids = {data["order_line"] for data in rows if data.get("order_line")}
    order_lines = PurchaseOrderLine.objects.in_bulk(ids)
    lines = []
    for data in rows:
        order_line_id = data.pop("order_line", None)
        if order_line_id and order_line_id not in order_lines:
            raise PayablesError(_("A line refers to an order line that does not exist."))
        lines.append({**data, "order_line": order_lines.get(order_line_id)})
    return lines


def _create_bill(request, form, formset, **extra):
    try:
        lines = _bill_lines(formset)
        bill = supplier_bill_create(by=request.user, lines=lines, **form.cleaned_data, **extra)
    except PayablesError as exc:
        messages.error(request, str(exc))
        return None
    if bill.status == SupplierBill.Status.ON_HOLD:
        messages.warning(request, _("The bill does not match the order and is on hold."))
    else:
        messages.success(request, _("The bill is entered; it now needs approval."))
    return redirect("accounting:bill-detail", pk=bill.pk)


@require_perm("accounting.add_supplierbill")
def bill_create(request):
    if request.method == "GET" and "order" in request.GET:
        chosen = OrderChoiceForm(request.GET, orders=payables_selectors.orders_to_bill())
        if chosen.is_valid():
            order = chosen.cleaned_data["order"]
            return redirect("accounting:bill-create-from-order", order_pk=order.pk)
        messages.error(request, _("Choose an order that can be billed."))
    form = BillForm(request.POST or None)
    formset = BillLineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        response = _create_bill(request, form, formset)
        if response:
            return response
    order_form = OrderChoiceForm(orders=payables_selectors.orders_to_bill()[:ORDERS_OFFERED])
    return render(
        request,
        "accounting/bill_create.html",
        {"form": form, "formset": formset, "order_form": order_form},
    )


def _order_line_initial(order: PurchaseOrder) -> list[dict]:
    """Each order line, for what was received and not yet billed (else what is left)."""
    initial = []
    for line in payables_selectors.order_lines_to_bill(order=order):
        received_unbilled = line.received - line.billed
        quantity = received_unbilled if received_unbilled > 0 else line.quantity - line.billed
        if quantity <= 0:
            continue
        initial.append(
            {
                "description": line.item,
                "account": line.account or order.supplier.default_expense_account,
                "quantity": quantity.normalize(),
                "unit_price": line.unit_price.normalize(),
                "vat_rate": line.vat_rate,
                "order_line": line.pk,
            }
        )
    return initial


@require_perm("accounting.add_supplierbill")
def bill_create_from_order(request, order_pk):
    order = get_object_or_404(payables_selectors.orders_to_bill(), pk=order_pk)
    form = OrderBillForm(request.POST or None, order=order)
    formset = OrderBillLineFormSet(
        request.POST or None,
        prefix="lines",
        initial=None if request.method == "POST" else _order_line_initial(order),
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        response = _create_bill(
            request, form, formset, supplier=order.supplier, purchase_order=order
        )
        if response:
            return response
    return render(
        request,
        "accounting/bill_create.html",
        {"form": form, "formset": formset, "order": order},
    )


@require_perm("accounting.view_supplierbill")
def bill_detail(request, pk):
    bill = get_object_or_404(
        payables_selectors.bills_with_state().select_related(
            "purchase_order", "created_by", "approved_by", "journal_entry"
        ),
        pk=pk,
    )
    lines = bill.lines.select_related("account", "order_line")
    payments = bill.payments.select_related("batch").order_by("batch__payment_date", "pk")
    return render(
        request,
        "accounting/bill_detail.html",
        {
            "bill": bill,
            "lines": lines,
            "payments": payments,
            "release_form": ReasonForm(),
            "state_labels": payables_selectors.BillState.LABELS,
        },
    )


def _bill_action(request, pk, action, done_message):
    bill = get_object_or_404(SupplierBill, pk=pk)
    try:
        action(by=request.user, bill=bill)
    except PayablesError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done_message)
    return redirect("accounting:bill-detail", pk=bill.pk)


@require_POST
@require_perm("accounting.approve_supplierbill")
def bill_approve(request, pk):
    return _bill_action(request, pk, supplier_bill_approve, _("The bill is approved."))


@require_POST
@require_perm("accounting.change_supplierbill")
def bill_post(request, pk):
    return _bill_action(request, pk, supplier_bill_post, _("The bill is posted to the ledger."))


@require_POST
@require_perm("accounting.change_supplierbill")
def bill_cancel(request, pk):
    return _bill_action(request, pk, supplier_bill_cancel, _("The bill is cancelled."))


@require_POST
@require_perm("accounting.change_supplierbill")
def bill_release(request, pk):
    bill = get_object_or_404(SupplierBill, pk=pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the bill is released despite the differences."))
        return redirect("accounting:bill-detail", pk=bill.pk)
    try:
        supplier_bill_release(by=request.user, bill=bill, reason=form.cleaned_data["reason"])
    except PayablesError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The bill is released from hold and can be approved."))
    return redirect("accounting:bill-detail", pk=bill.pk)


@require_perm("accounting.view_supplierbill")
def bill_due_soon(request):
    form = DueSoonForm(request.GET or None)
    days = 14
    if form.is_valid() and form.cleaned_data["days"] is not None:
        days = form.cleaned_data["days"]
    page = Paginator(payables_selectors.bills_due_soon(days=days), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "accounting/bill_due_soon.html",
        {"page": page, "days": days, "form": form, "querystring": f"days={days}"},
    )


@require_perm("accounting.view_supplierbill")
def payables_ageing(request):
    form = AsOfForm(request.GET or None)
    as_of = timezone.localdate()
    if form.is_valid() and form.cleaned_data["as_of"]:
        as_of = form.cleaned_data["as_of"]
    return render(
        request,
        "accounting/payables_ageing.html",
        {"ageing": payables_selectors.payables_ageing(as_of=as_of), "form": form},
    )
