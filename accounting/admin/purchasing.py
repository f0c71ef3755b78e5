"""Admin of purchasing: suppliers, purchase orders and goods receipts."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounting.models.payables import (
    GoodsReceipt,
    GoodsReceiptLine,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
)
from accounting.services.suppliers import supplier_set_active
from backoffice.admin import ADD, DELETE, ReadOnlyAdminMixin, ReadOnlyOnceFinalAdminMixin


@admin.register(Supplier)
class SupplierAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    refused = (DELETE,)  # orders and bills keep their supplier: deactivate instead
    list_display = ["name", "kind", "tax_id", "email", "iban", "payment_terms_days", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "tax_id", "email", "iban"]
    list_select_related = ["default_expense_account"]
    autocomplete_fields = ["default_expense_account"]
    actions = ["deactivate_suppliers"]

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Deactivate the selected suppliers"), permissions=["change"])
    def deactivate_suppliers(self, request, queryset):
        for supplier in queryset.filter(is_active=True):
            supplier_set_active(by=request.user, supplier=supplier, active=False)


class _FinalOnceSentMixin(ReadOnlyOnceFinalAdminMixin):
    # Only a draft order (and its lines) changes; an approved or sent order is final.
    def is_final(self, obj) -> bool:
        return isinstance(obj, PurchaseOrder) and obj.status != PurchaseOrder.Status.DRAFT


class PurchaseOrderLineInline(_FinalOnceSentMixin, admin.TabularInline):
    model = PurchaseOrderLine
    extra = 0
    autocomplete_fields = ["account"]


class GoodsReceiptInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = GoodsReceipt
    extra = 0
    fields = ["received_on", "received_by", "note", "created_at"]
    readonly_fields = fields
    show_change_link = True


@admin.register(PurchaseOrder)
class PurchaseOrderAdmin(_FinalOnceSentMixin, SimpleHistoryAdmin):
    """Orders are created and moved through their states on the Purchasing pages."""

    refused = (ADD,)  # numbers are allocated by the service, on the Purchasing pages
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

    def has_delete_permission(self, request, obj=None):
        # One order at a time: the list's bulk delete would not see which are drafts.
        return obj is not None and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)


class GoodsReceiptLineInline(ReadOnlyAdminMixin, admin.TabularInline):
    refused = (ADD, DELETE)
    model = GoodsReceiptLine
    extra = 0
    fields = ["order_line", "quantity"]
    readonly_fields = fields


@admin.register(GoodsReceipt)
class GoodsReceiptAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: a receipt is recorded once, through the order's page."""

    list_display = ["order", "received_on", "received_by", "note", "created_at"]
    list_filter = ["received_on", "order__supplier"]
    search_fields = ["order__number", "order__supplier__name", "note"]
    list_select_related = ["order", "received_by"]
    date_hierarchy = "received_on"
    inlines = [GoodsReceiptLineInline]
