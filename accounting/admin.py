from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounting.models.ledger import (
    Account,
    AccountMonthTotal,
    FiscalPeriod,
    FiscalYear,
    JournalEntry,
    JournalLine,
)
from accounting.models.numbering import DocumentSequence
from accounting.models.payables import (
    GoodsReceipt,
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
from accounting.models.payroll_rules import (
    PayrollBracketRow,
    PayrollBracketTable,
    PayrollParameter,
    PayrollRule,
    PayrollRuleSet,
)
from accounting.models.takings import TakingsImport
from accounting.services.ledger import LedgerError, fiscal_period_close, journal_entry_post
from accounting.services.payables import PayablesError
from accounting.services.payment_batches import payment_batch_approve
from accounting.services.supplier_bills import (
    EDITABLE_BILL_STATUSES,
    supplier_bill_approve,
    supplier_bill_post,
    supplier_bill_totals_refresh,
)
from accounting.services.suppliers import supplier_set_active


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
    autocomplete_fields = ["account", "department"]

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


# Accounts payable ------------------------------------------------------------------


class SupplierBillLineInline(admin.TabularInline):
    """Lines can be corrected until the bill is approved; amounts are recomputed on save."""

    model = SupplierBillLine
    extra = 0
    fields = ["description", "account", "order_line", "quantity", "unit_price", "vat_rate"]
    fields += ["net_amount", "vat_amount"]
    readonly_fields = ["net_amount", "vat_amount"]
    autocomplete_fields = ["account"]
    raw_id_fields = ["order_line"]

    def _editable(self, obj):
        return obj is None or obj.status in EDITABLE_BILL_STATUSES

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


@admin.register(SupplierBill)
class SupplierBillAdmin(SimpleHistoryAdmin):
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

    # Once approved, a bill's amounts are final; posted, it is in the ledger.
    def has_change_permission(self, request, obj=None):
        editable = obj is None or obj.status in EDITABLE_BILL_STATUSES
        return editable and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

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


class PaymentInline(admin.TabularInline):
    """Read-only: what a batch pays is checked against open amounts by the service."""

    model = Payment
    extra = 0
    fields = ["bill", "amount"]
    readonly_fields = ["bill", "amount"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PaymentBatch)
class PaymentBatchAdmin(SimpleHistoryAdmin):
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

    # Batches are prepared on the payments page, where open amounts are checked.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        draft = obj is None or obj.status == PaymentBatch.Status.DRAFT
        return draft and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

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
class SupplierBillReminderAdmin(admin.ModelAdmin):
    """What the daily reminder has told; written by the task only."""

    list_display = ["bill", "kind", "sent_at"]
    list_filter = ["kind", "sent_at"]
    search_fields = ["bill__number", "bill__supplier__name"]
    list_select_related = ["bill__supplier"]
    raw_id_fields = ["bill"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccountMonthTotal)
class AccountMonthTotalAdmin(admin.ModelAdmin):
    """Read-only: the database keeps these totals as entries are posted."""

    list_display = ["account", "month", "debit", "credit"]
    list_filter = ["month"]
    search_fields = ["account__code", "account__name"]
    list_select_related = ["account"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TakingsImport)
class TakingsImportAdmin(admin.ModelAdmin):
    """Read-only: files are uploaded, checked and posted on the Takings page."""

    list_display = ["filename", "uploaded_by", "uploaded_at", "status", "entries"]
    list_filter = ["status", "uploaded_at"]
    search_fields = ["filename", "uploaded_by__username"]
    list_select_related = ["uploaded_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


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


# Payroll rules ----------------------------------------------------------------
# Rules and parameters are edited on the payroll rules pages, whose services
# check the whole set (codes, cycles, date ranges); here they are read-only
# so the admin can never save a set the engine would refuse.


class _ReadOnlyAdmin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PayrollRuleSet)
class PayrollRuleSetAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PayrollRule)
class PayrollRuleAdmin(_ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = [
        "code",
        "name",
        "rule_set",
        "category",
        "order",
        "base_kind",
        "computation",
        "rounding_places",
        "effective_from",
        "effective_to",
    ]
    list_filter = ["rule_set", "category", "base_kind", "computation"]
    search_fields = ["code", "name", "legal_source"]
    list_select_related = ["rule_set"]


@admin.register(PayrollParameter)
class PayrollParameterAdmin(_ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["code", "name", "rule_set", "value", "effective_from", "effective_to"]
    list_filter = ["rule_set", "code"]
    search_fields = ["code", "name", "legal_source"]
    list_select_related = ["rule_set"]


class PayrollBracketRowInline(_ReadOnlyAdmin, admin.TabularInline):
    model = PayrollBracketRow
    fields = ["key", "lower", "upper", "value"]
    readonly_fields = fields
    extra = 0


@admin.register(PayrollBracketTable)
class PayrollBracketTableAdmin(_ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["code", "name", "rule_set", "key_input"]
    list_filter = ["rule_set", "key_input"]
    search_fields = ["code", "name"]
    list_select_related = ["rule_set"]
    inlines = [PayrollBracketRowInline]


@admin.register(PayrollBracketRow)
class PayrollBracketRowAdmin(_ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["table", "key", "lower", "upper", "value"]
    list_filter = ["table__rule_set", "table"]
    search_fields = ["table__code"]
    list_select_related = ["table__rule_set"]


from accounting import (  # noqa: E402, F401  (these modules register themselves)
    admin_pay,
    admin_payroll_runs,
)
