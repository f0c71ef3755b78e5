from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounting.models import (
    Account,
    DocumentSequence,
    FiscalPeriod,
    FiscalYear,
    GoodsReceipt,
    GoodsReceiptLine,
    JournalEntry,
    JournalLine,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
)
from accounting.services import (
    LedgerError,
    fiscal_period_close,
    journal_entry_post,
    supplier_set_active,
)


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "type", "parent", "is_active"]
    list_filter = ["type", "is_active"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]


class JournalLineInline(admin.TabularInline):
    model = JournalLine
    extra = 2
    autocomplete_fields = ["account"]

    # Posted lines are final (the database refuses changes too).
    def has_change_permission(self, request, obj=None):
        return (obj is None or not obj.is_posted) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return (obj is None or not obj.is_posted) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or not obj.is_posted) and super().has_delete_permission(request, obj)


@admin.register(JournalEntry)
class JournalEntryAdmin(SimpleHistoryAdmin):
    list_display = ["date", "description", "status", "source", "source_key", "created_by"]
    list_filter = ["status", "source", "date"]
    search_fields = ["description", "source_key"]
    list_select_related = ["created_by"]
    raw_id_fields = ["reverses"]
    readonly_fields = ["status", "created_by", "posted_by", "posted_at", "reverses"]
    date_hierarchy = "date"
    inlines = [JournalLineInline]
    actions = ["post_entries"]

    def has_change_permission(self, request, obj=None):
        return (obj is None or not obj.is_posted) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or not obj.is_posted) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj._history_user = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Post the selected entries"), permissions=["post"])
    def post_entries(self, request, queryset):
        for entry in queryset.filter(status=JournalEntry.Status.DRAFT):
            try:
                journal_entry_post(by=request.user, entry=entry)
            except LedgerError as exc:
                self.message_user(request, f"{entry}: {exc}", messages.ERROR)

    def has_post_permission(self, request):
        return request.user.has_perm("accounting.post_journalentry")


@admin.register(FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ["name", "start", "end"]
    search_fields = ["name"]
    list_filter = ["start"]


@admin.register(FiscalPeriod)
class FiscalPeriodAdmin(SimpleHistoryAdmin):
    """Read-only: periods change state only through the services (close, reopen)."""

    list_display = ["__str__", "fiscal_year", "start", "end", "status", "closed_by", "closed_at"]
    list_filter = ["status", "fiscal_year"]
    search_fields = ["fiscal_year__name"]
    list_select_related = ["fiscal_year", "closed_by"]
    raw_id_fields = ["closed_by"]
    actions = ["close_periods"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Close the selected periods"), permissions=["close"])
    def close_periods(self, request, queryset):
        for period in queryset.filter(status=FiscalPeriod.Status.OPEN):
            try:
                fiscal_period_close(by=request.user, period=period)
            except LedgerError as exc:
                self.message_user(request, f"{period}: {exc}", messages.ERROR)

    def has_close_permission(self, request):
        return request.user.has_perm("accounting.change_fiscalperiod")


# Purchasing -------------------------------------------------------------------


@admin.register(Supplier)
class SupplierAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "tax_id", "email", "iban", "payment_terms_days", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "tax_id", "email", "iban"]
    list_select_related = ["default_expense_account"]
    autocomplete_fields = ["default_expense_account"]
    actions = ["deactivate_suppliers"]

    # Orders and bills keep their supplier: deactivate instead.
    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Deactivate the selected suppliers"), permissions=["change"])
    def deactivate_suppliers(self, request, queryset):
        for supplier in queryset.filter(is_active=True):
            supplier_set_active(by=request.user, supplier=supplier, active=False)


def _draft(obj) -> bool:
    order = obj if isinstance(obj, PurchaseOrder) else None
    return order is None or order.status == PurchaseOrder.Status.DRAFT


class PurchaseOrderLineInline(admin.TabularInline):
    model = PurchaseOrderLine
    extra = 0
    autocomplete_fields = ["account"]

    # Only a draft's lines change; an approved or sent order is final.
    def has_change_permission(self, request, obj=None):
        return _draft(obj) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return _draft(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _draft(obj) and super().has_delete_permission(request, obj)


class GoodsReceiptInline(admin.TabularInline):
    model = GoodsReceipt
    extra = 0
    fields = ["received_on", "received_by", "note", "created_at"]
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PurchaseOrder)
class PurchaseOrderAdmin(SimpleHistoryAdmin):
    """Orders are created and moved through their states on the Purchasing pages."""

    list_display = [
        "number",
        "supplier",
        "order_date",
        "status",
        "created_by",
        "approved_by",
        "sent_at",
    ]
    list_filter = ["status", "order_date", "supplier__kind"]
    search_fields = ["number", "supplier__name", "supplier__tax_id"]
    list_select_related = ["supplier", "created_by", "approved_by"]
    autocomplete_fields = ["supplier"]
    readonly_fields = [
        "number",
        "status",
        "created_by",
        "approved_by",
        "approved_at",
        "sent_at",
        "review_comment",
    ]
    date_hierarchy = "order_date"
    inlines = [PurchaseOrderLineInline, GoodsReceiptInline]

    def has_add_permission(self, request):
        return False  # numbers are allocated by the service, on the Purchasing pages

    def has_change_permission(self, request, obj=None):
        return _draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and _draft(obj) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)


class GoodsReceiptLineInline(admin.TabularInline):
    model = GoodsReceiptLine
    extra = 0
    fields = ["order_line", "quantity"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(GoodsReceipt)
class GoodsReceiptAdmin(admin.ModelAdmin):
    """Read-only: a receipt is recorded once, through the order's page."""

    list_display = ["order", "received_on", "received_by", "note", "created_at"]
    list_filter = ["received_on", "order__supplier"]
    search_fields = ["order__number", "order__supplier__name", "note"]
    list_select_related = ["order", "received_by"]
    date_hierarchy = "received_on"
    inlines = [GoodsReceiptLineInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DocumentSequence)
class DocumentSequenceAdmin(admin.ModelAdmin):
    """Read-only: the counters move only when a document takes a number."""

    list_display = ["series", "year", "last_number"]
    list_filter = ["series", "year"]
    search_fields = ["series"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
