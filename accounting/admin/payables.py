"""Admin of accounts payable: supplier bills, payment batches and bill reminders."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounting.models.payables import (
    Payment,
    PaymentBatch,
    SupplierBill,
    SupplierBillLine,
    SupplierBillReminder,
)
from accounting.services.payables import PayablesError
from accounting.services.payment_batches import payment_batch_approve
from accounting.services.supplier_bills import (
    EDITABLE_BILL_STATUSES,
    supplier_bill_approve,
    supplier_bill_post,
    supplier_bill_totals_refresh,
)
from backoffice.admin import (
    ADD,
    CHANGE,
    DELETE,
    ReadOnlyAdminMixin,
    ReadOnlyOnceFinalAdminMixin,
)


class SupplierBillLineInline(ReadOnlyOnceFinalAdminMixin, admin.TabularInline):
    """Lines can be corrected until the bill is approved; amounts are recomputed on save."""

    model = SupplierBillLine
    extra = 0
    fields = ["description", "account", "order_line", "quantity", "unit_price", "vat_rate"]
    fields += ["net_amount", "vat_amount"]
    readonly_fields = ["net_amount", "vat_amount"]
    autocomplete_fields = ["account"]
    raw_id_fields = ["order_line"]

    def is_final(self, obj) -> bool:
        return obj.status not in EDITABLE_BILL_STATUSES


@admin.register(SupplierBill)
class SupplierBillAdmin(ReadOnlyOnceFinalAdminMixin, SimpleHistoryAdmin):
    # Once approved, a bill's amounts are final; posted, it is in the ledger.
    refused = (DELETE,)
    list_display = ["number", "supplier", "bill_date", "due_date", "total", "status", "created_by"]
    list_filter = ["status", "bill_date", "due_date"]
    search_fields = ["number", "supplier__name", "supplier__tax_id"]
    list_select_related = ["supplier", "created_by"]
    raw_id_fields = ["supplier", "purchase_order"]
    readonly_fields = [
        "status",
        "net_amount",
        "vat_amount",
        "total",
        "match_notes",
        "created_by",
        "approved_by",
        "approved_at",
        "journal_entry",
    ]
    date_hierarchy = "bill_date"
    inlines = [SupplierBillLineInline]
    actions = ["approve_bills", "post_bills"]

    def is_final(self, obj) -> bool:
        return obj.status not in EDITABLE_BILL_STATUSES

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj._history_user = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        supplier_bill_totals_refresh(by=request.user, bill=form.instance)

    def _run(self, request, queryset, action):
        for bill in queryset.select_related("supplier"):
            try:
                action(by=request.user, bill=bill)
            except PayablesError as exc:
                self.message_user(request, f"{bill}: {exc}", messages.ERROR)

    @admin.action(description=_("Approve the selected bills"), permissions=["approve"])
    def approve_bills(self, request, queryset):
        self._run(request, queryset, supplier_bill_approve)

    @admin.action(description=_("Post the selected bills"), permissions=["change"])
    def post_bills(self, request, queryset):
        self._run(request, queryset.filter(status=SupplierBill.Status.APPROVED), supplier_bill_post)

    def has_approve_permission(self, request):
        return request.user.has_perm("accounting.approve_supplierbill")


class PaymentInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Read-only: what a batch pays is checked against open amounts by the service."""

    refused = (ADD, DELETE)
    model = Payment
    extra = 0
    fields = ["bill", "amount"]
    readonly_fields = ["bill", "amount"]


@admin.register(PaymentBatch)
class PaymentBatchAdmin(ReadOnlyOnceFinalAdminMixin, SimpleHistoryAdmin):
    # Batches are prepared on the payments page, where open amounts are checked;
    # only a draft changes here.
    refused = (ADD, DELETE)
    list_display = ["reference", "payment_date", "bank_account", "status", "created_by"]
    list_display += ["approved_by"]
    list_filter = ["status", "payment_date"]
    search_fields = ["reference", "payments__bill__number", "payments__bill__supplier__name"]
    list_select_related = ["bank_account", "created_by", "approved_by"]
    autocomplete_fields = ["bank_account"]
    readonly_fields = [
        "reference",
        "status",
        "created_by",
        "approved_by",
        "approved_at",
        "exported_at",
        "journal_entry",
    ]
    date_hierarchy = "payment_date"
    inlines = [PaymentInline]
    actions = ["approve_batches"]

    def is_final(self, obj) -> bool:
        return obj.status != PaymentBatch.Status.DRAFT

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Approve the selected batches"), permissions=["approve"])
    def approve_batches(self, request, queryset):
        for batch in queryset:
            try:
                payment_batch_approve(by=request.user, batch=batch)
            except PayablesError as exc:
                self.message_user(request, f"{batch}: {exc}", messages.ERROR)

    def has_approve_permission(self, request):
        return request.user.has_perm("accounting.approve_paymentbatch")


@admin.register(SupplierBillReminder)
class SupplierBillReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """What the daily reminder has told; written by the task only."""

    refused = (ADD, CHANGE)
    list_display = ["bill", "kind", "sent_at"]
    list_filter = ["kind", "sent_at"]
    search_fields = ["bill__number", "bill__supplier__name"]
    list_select_related = ["bill__supplier"]
    raw_id_fields = ["bill"]
