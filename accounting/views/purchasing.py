"""Pages of purchasing: suppliers, purchase orders, approvals and goods receipts."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounting.forms.purchasing import (
    CancelForm,
    GoodsReceiptForm,
    PurchaseOrderFilter,
    PurchaseOrderForm,
    PurchaseOrderLineFormSet,
    RejectForm,
    SupplierFilter,
    SupplierForm,
)
from accounting.models.payables import PurchaseOrder
from accounting.selectors import purchasing as purchasing_selectors
from accounting.services import goods_receipts as goods_receipt_services
from accounting.services import purchasing as purchasing_services
from accounting.services import suppliers as supplier_services
from accounting.services.purchasing import CANCELLABLE, RECEIVABLE, PurchasingError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm

PAGE_SIZE = 50
Status = PurchaseOrder.Status


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# Suppliers -------------------------------------------------------------------


@require_perm("accounting.view_supplier")
def supplier_list(request):
    filters = SupplierFilter(request.GET, queryset=purchasing_selectors.supplier_list(request.user))
    return render(
        request,
        "accounting/supplier_list.html",
        {
            "filter": filters,
            "page": _page(request, filters.qs),
            "querystring": querystring_without_page(request),
        },
    )


@require_perm("accounting.view_supplier")
def supplier_detail(request, pk):
    supplier = get_object_or_404(purchasing_selectors.suppliers_visible_to(request.user), pk=pk)
    orders = purchasing_selectors.purchase_order_list(request.user).filter(supplier=supplier)
    return render(
        request,
        "accounting/supplier_detail.html",
        {"supplier": supplier, "page": _page(request, orders)},
    )


def _supplier_form(request, *, supplier=None):
    form = SupplierForm(request.POST or None, instance=supplier)
    if request.method == "POST" and form.is_valid():
        try:
            if supplier is None:
                supplier = supplier_services.supplier_create(by=request.user, **form.cleaned_data)
            else:
                supplier = supplier_services.supplier_update(
                    by=request.user, supplier=supplier, **form.cleaned_data
                )
        except PurchasingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The supplier %(name)s is saved.") % {"name": supplier})
            return redirect("accounting:supplier-detail", pk=supplier.pk)
    return render(request, "accounting/supplier_form.html", {"form": form, "supplier": supplier})


@require_perm("accounting.add_supplier")
def supplier_create(request):
    return _supplier_form(request)


@require_perm("accounting.change_supplier")
def supplier_edit(request, pk):
    supplier = get_object_or_404(purchasing_selectors.suppliers_visible_to(request.user), pk=pk)
    return _supplier_form(request, supplier=supplier)


def _supplier_set_active(request, pk, *, active: bool):
    supplier = get_object_or_404(purchasing_selectors.suppliers_visible_to(request.user), pk=pk)
    supplier_services.supplier_set_active(by=request.user, supplier=supplier, active=active)
    if active:
        messages.success(request, _("%(name)s is active again.") % {"name": supplier})
    else:
        messages.success(
            request, _("%(name)s is deactivated: no new orders to them.") % {"name": supplier}
        )
    return redirect("accounting:supplier-detail", pk=supplier.pk)


@require_POST
@require_perm("accounting.change_supplier")
def supplier_deactivate(request, pk):
    return _supplier_set_active(request, pk, active=False)


@require_POST
@require_perm("accounting.change_supplier")
def supplier_activate(request, pk):
    return _supplier_set_active(request, pk, active=True)


# Purchase orders: lists ----------------------------------------------------------


@require_perm("accounting.view_purchaseorder")
def purchaseorder_list(request):
    filters = PurchaseOrderFilter(
        request.GET, queryset=purchasing_selectors.purchase_order_list(request.user)
    )
    return render(
        request,
        "accounting/purchaseorder_list.html",
        {
            "filter": filters,
            "page": _page(request, filters.qs),
            "querystring": querystring_without_page(request),
        },
    )


@require_perm("accounting.approve_purchaseorder")
def purchaseorder_approvals(request):
    orders = purchasing_selectors.purchase_orders_awaiting_approval_by(request.user)
    return render(
        request,
        "accounting/purchaseorder_approvals.html",
        {"page": _page(request, orders), "reject_form": RejectForm()},
    )


# Purchase orders: one order ------------------------------------------------------


def _order(request, pk) -> PurchaseOrder:
    return get_object_or_404(purchasing_selectors.purchase_orders_visible_to(request.user), pk=pk)


def _actions(user, order: PurchaseOrder, *, has_receipts: bool) -> dict[str, bool]:
    may_change = user.has_perm("accounting.change_purchaseorder")
    return {
        "edit": may_change and order.status == Status.DRAFT,
        "submit": may_change and order.status == Status.DRAFT,
        "approve": user.has_perm("accounting.approve_purchaseorder")
        and order.status == Status.AWAITING_APPROVAL
        and order.created_by_id != user.pk,
        "send": may_change and order.status == Status.APPROVED,
        "receive": user.has_perm("accounting.add_goodsreceipt") and order.status in RECEIVABLE,
        "cancel": may_change and order.status in CANCELLABLE and not has_receipts,
        "close": may_change and order.status in (Status.RECEIVED, Status.PARTIALLY_RECEIVED),
        "history": user.has_perm("accounting.view_historicalpurchaseorder"),
    }


@require_perm("accounting.view_purchaseorder")
def purchaseorder_detail(request, pk):
    order = _order(request, pk)
    lines = purchasing_selectors.purchase_order_lines(order)
    receipts = purchasing_selectors.purchase_order_receipts(order)
    context = {
        "order": order,
        "lines": lines,
        "totals": purchasing_selectors.totals_of(lines),
        "receipts": receipts,
        "actions": _actions(request.user, order, has_receipts=bool(receipts)),
        "awaiting_self": order.status == Status.AWAITING_APPROVAL
        and order.created_by_id == request.user.pk,
        "reject_form": RejectForm(),
        "cancel_form": CancelForm(),
    }
    return render(request, "accounting/purchaseorder_detail.html", context)


def _order_form(request, *, order=None):
    if order is None:
        initial = {"order_date": timezone.localdate(), "supplier": request.GET.get("supplier")}
        line_initial = None
    else:
        initial = {
            field: getattr(order, field)
            for field in ("supplier", "order_date", "expected_date", "deliver_to", "notes")
        }
        line_initial = list(
            order.lines.values(
                "item", "description", "quantity", "unit_price", "vat_rate", "account"
            )
        )
    form = PurchaseOrderForm(
        request.POST or None,
        initial=initial,
        current_supplier=order.supplier if order else None,
    )
    formset = PurchaseOrderLineFormSet(request.POST or None, initial=line_initial, prefix="lines")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            if order is None:
                order = purchasing_services.purchase_order_create(
                    by=request.user, lines=formset.lines(), **form.cleaned_data
                )
            else:
                order = purchasing_services.purchase_order_update(
                    by=request.user, order=order, lines=formset.lines(), **form.cleaned_data
                )
        except PurchasingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The draft %(number)s is saved.") % {"number": order})
            return redirect("accounting:purchaseorder-detail", pk=order.pk)
    return render(
        request,
        "accounting/purchaseorder_form.html",
        {"form": form, "formset": formset, "order": order},
    )


@require_perm("accounting.add_purchaseorder")
def purchaseorder_create(request):
    return _order_form(request)


@require_perm("accounting.change_purchaseorder")
def purchaseorder_edit(request, pk):
    order = _order(request, pk)
    if not order.is_editable:
        messages.error(
            request,
            _("The order %(number)s is %(status)s; only a draft can be edited.")
            % {"number": order, "status": order.get_status_display()},
        )
        return redirect("accounting:purchaseorder-detail", pk=order.pk)
    return _order_form(request, order=order)


def _transition(request, pk, service, success: str, **kwargs):
    order = _order(request, pk)
    try:
        order = service(by=request.user, order=order, **kwargs)
    except PurchasingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success % {"number": order, "status": order.get_status_display()})
    return redirect("accounting:purchaseorder-detail", pk=order.pk)


@require_POST
@require_perm("accounting.change_purchaseorder")
def purchaseorder_submit(request, pk):
    return _transition(
        request,
        pk,
        purchasing_services.purchase_order_submit,
        _("%(number)s is submitted: %(status)s."),
    )


@require_POST
@require_perm("accounting.approve_purchaseorder")
def purchaseorder_approve(request, pk):
    return _transition(
        request, pk, purchasing_services.purchase_order_approve, _("%(number)s is approved.")
    )


@require_POST
@require_perm("accounting.approve_purchaseorder")
def purchaseorder_reject(request, pk):
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the order goes back to draft."))
        return redirect("accounting:purchaseorder-detail", pk=_order(request, pk).pk)
    return _transition(
        request,
        pk,
        purchasing_services.purchase_order_reject,
        _("%(number)s is returned to its preparer as a draft."),
        comment=form.cleaned_data["comment"],
    )


@require_POST
@require_perm("accounting.change_purchaseorder")
def purchaseorder_send(request, pk):
    return _transition(
        request,
        pk,
        purchasing_services.purchase_order_send,
        _("%(number)s is sent: the supplier receives the PDF by email."),
    )


@require_POST
@require_perm("accounting.change_purchaseorder")
def purchaseorder_cancel(request, pk):
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _transition(
        request,
        pk,
        purchasing_services.purchase_order_cancel,
        _("%(number)s is cancelled."),
        reason=reason,
    )


@require_POST
@require_perm("accounting.change_purchaseorder")
def purchaseorder_close(request, pk):
    return _transition(
        request, pk, purchasing_services.purchase_order_close, _("%(number)s is closed.")
    )


@require_perm("accounting.view_purchaseorder")
def purchaseorder_pdf(request, pk):
    order = _order(request, pk)
    pdf = purchasing_services.purchase_order_pdf(order=order)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{order.number}.pdf"'
    return response


# Goods receipts ----------------------------------------------------------------


@require_perm("accounting.add_goodsreceipt")
def goodsreceipt_create(request, pk):
    order = _order(request, pk)
    if order.status not in RECEIVABLE:
        messages.error(
            request,
            _("Goods are received only on an order sent to the supplier; %(number)s is %(status)s.")
            % {"number": order, "status": order.get_status_display()},
        )
        return redirect("accounting:purchaseorder-detail", pk=order.pk)
    lines = purchasing_selectors.purchase_order_lines(order)
    form = GoodsReceiptForm(
        request.POST or None, lines=lines, initial={"received_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            goods_receipt_services.goods_receipt_record(
                by=request.user,
                order=order,
                received_on=form.cleaned_data["received_on"],
                note=form.cleaned_data["note"],
                quantities=form.quantities(),
            )
        except PurchasingError as exc:
            form.add_error(None, str(exc))
        else:
            order.refresh_from_db()
            messages.success(
                request,
                _("The receipt is recorded; %(number)s is %(status)s.")
                % {"number": order, "status": order.get_status_display()},
            )
            return redirect("accounting:purchaseorder-detail", pk=order.pk)
    return render(request, "accounting/goodsreceipt_create.html", {"order": order, "form": form})
