"""Pages of payment batches: prepare, approve, send to the bank, mark paid."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounting.chart import account_for
from accounting.forms.payables import (
    PaymentBatchForm,
    PaymentLineFormSet,
)
from accounting.models.payables import (
    Payment,
    PaymentBatch,
    SupplierBill,
)
from accounting.selectors import payables as payables_selectors
from accounting.services.payables import PayablesError
from accounting.services.payment_batches import (
    payment_batch_approve,
    payment_batch_cancel,
    payment_batch_create,
    payment_batch_export,
    payment_batch_post,
    payment_batch_transfers,
)
from accounting.views.payables import PAGE_SIZE
from backoffice.permissions import require_perm

BILLS_OFFERED = 200


# Payment batches ------------------------------------------------------------------


@require_perm("accounting.view_paymentbatch")
def batch_list(request):
    batches = payables_selectors.payment_batches().order_by("-payment_date", "-pk")
    page = Paginator(batches, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounting/batch_list.html", {"page": page})


def _payable_bills(request):
    bills = payables_selectors.bills_payable()
    q = request.GET.get("q", "").strip()
    if q:
        bills = bills.filter(Q(number__icontains=q) | Q(supplier__name__icontains=q))
    return list(bills[:BILLS_OFFERED]), q


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_perm("accounting.add_paymentbatch")
def batch_create(request):
    bills, q = _payable_bills(request)
    form = PaymentBatchForm(
        request.POST or None,
        initial={"payment_date": timezone.localdate(), "bank_account": account_for("bank")},
    )
    formset = PaymentLineFormSet(
        request.POST or None,
        prefix="pay",
        initial=[{"bill": bill.pk, "amount": bill.available} for bill in bills],
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        chosen = [data for data in formset.cleaned_data if data.get("pay")]
        by_pk = SupplierBill.objects.in_bulk([data["bill"] for data in chosen])
        try:
            if len(by_pk) != len({data["bill"] for data in chosen}):
                raise PayablesError(_("A chosen bill no longer exists."))
            batch = payment_batch_create(
                by=request.user,
                payments=[
                    {"bill": by_pk[data["bill"]], "amount": data["amount"]} for data in chosen
                ],
                **form.cleaned_data,
            )
        except PayablesError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The batch is prepared; it now needs approval."))
            return redirect("accounting:batch-detail", pk=batch.pk)
    ids = [_int(line["bill"].value()) for line in formset]
    shown = {bill.pk: bill for bill in bills}
    if request.method == "POST":
        # Show the bills of the form that was sent, looked up in one query.
        shown = payables_selectors.bills_payable().in_bulk([pk for pk in ids if pk])
    rows = [(line, shown.get(pk)) for line, pk in zip(formset, ids, strict=True)]
    return render(
        request,
        "accounting/batch_create.html",
        {"form": form, "formset": formset, "rows": rows, "q": q, "limit": BILLS_OFFERED},
    )


@require_perm("accounting.view_paymentbatch")
def batch_detail(request, pk):
    batch = get_object_or_404(
        payables_selectors.payment_batches()
        .select_related("journal_entry")
        .prefetch_related(
            Prefetch(
                "payments",
                queryset=Payment.objects.select_related("bill__supplier").order_by(
                    "bill__supplier__name", "bill__number"
                ),
            )
        ),
        pk=pk,
    )
    return render(
        request,
        "accounting/batch_detail.html",
        {"batch": batch, "transfers": payment_batch_transfers(batch=batch)},
    )


def _batch_action(request, pk, action, done_message):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    try:
        action(by=request.user, batch=batch)
    except PayablesError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done_message)
    return redirect("accounting:batch-detail", pk=batch.pk)


@require_POST
@require_perm("accounting.approve_paymentbatch")
def batch_approve(request, pk):
    return _batch_action(
        request,
        pk,
        payment_batch_approve,
        _("The batch is approved for payment."),
    )


@require_POST
@require_perm("accounting.change_paymentbatch")
def batch_cancel(request, pk):
    return _batch_action(request, pk, payment_batch_cancel, _("The batch is cancelled."))


@require_POST
@require_perm("accounting.change_paymentbatch")
def batch_post(request, pk):
    return _batch_action(request, pk, payment_batch_post, _("The batch is marked paid and posted."))


@require_POST
@require_perm("accounting.change_paymentbatch")
def batch_export(request, pk, file_format):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    try:
        filename, content_type, content = payment_batch_export(
            by=request.user, batch=batch, file_format=file_format
        )
    except PayablesError as exc:
        messages.error(request, str(exc))
        return redirect("accounting:batch-detail", pk=batch.pk)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
