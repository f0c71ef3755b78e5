"""Admin of the ledger: accounts, journal entries, fiscal periods and what the
database keeps beside them (month totals, takings imports, document numbers)."""

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
from accounting.models.takings import TakingsImport
from accounting.services.ledger import LedgerError, fiscal_period_close, journal_entry_post
from backoffice.admin import ADD, CHANGE, ReadOnlyAdminMixin, ReadOnlyOnceFinalAdminMixin


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "type", "parent", "is_active", "is_bifunctional"]
    list_filter = ["type", "is_active", "is_bifunctional"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]


class JournalLineInline(ReadOnlyOnceFinalAdminMixin, admin.TabularInline):
    model = JournalLine
    extra = 2
    autocomplete_fields = ["account", "department"]

    # Posted lines are final (the database refuses changes too).
    def is_final(self, obj) -> bool:
        return obj.is_posted


@admin.register(JournalEntry)
class JournalEntryAdmin(ReadOnlyOnceFinalAdminMixin, SimpleHistoryAdmin):
    list_display = ["date", "description", "status", "source", "source_key", "created_by"]
    list_filter = ["status", "source", "date"]
    search_fields = ["description", "source_key"]
    list_select_related = ["created_by"]
    raw_id_fields = ["reverses"]
    readonly_fields = ["status", "created_by", "posted_by", "posted_at", "reverses"]
    date_hierarchy = "date"
    inlines = [JournalLineInline]
    actions = ["post_entries"]

    def is_final(self, obj) -> bool:
        return obj.is_posted

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
class FiscalPeriodAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Read-only: periods change state only through the services (close, reopen)."""

    refused = (ADD, CHANGE)
    list_display = ["__str__", "fiscal_year", "start", "end", "status", "closed_by", "closed_at"]
    list_filter = ["status", "fiscal_year"]
    search_fields = ["fiscal_year__name"]
    list_select_related = ["fiscal_year", "closed_by"]
    raw_id_fields = ["closed_by"]
    actions = ["close_periods"]

    @admin.action(description=_("Close the selected periods"), permissions=["close"])
    def close_periods(self, request, queryset):
        for period in queryset.filter(status=FiscalPeriod.Status.OPEN):
            try:
                fiscal_period_close(by=request.user, period=period)
            except LedgerError as exc:
                self.message_user(request, f"{period}: {exc}", messages.ERROR)

    def has_close_permission(self, request):
        return request.user.has_perm("accounting.change_fiscalperiod")


@admin.register(AccountMonthTotal)
class AccountMonthTotalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the database keeps these totals as entries are posted."""

    list_display = ["account", "month", "debit", "credit"]
    list_filter = ["month"]
    search_fields = ["account__code", "account__name"]
    list_select_related = ["account"]


@admin.register(TakingsImport)
class TakingsImportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: files are uploaded, checked and posted on the Takings page."""

    refused = (ADD, CHANGE)
    list_display = ["filename", "uploaded_by", "uploaded_at", "status", "entries"]
    list_filter = ["status", "uploaded_at"]
    search_fields = ["filename", "uploaded_by__username"]
    list_select_related = ["uploaded_by"]


@admin.register(DocumentSequence)
class DocumentSequenceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the counters move only when a document takes a number."""

    list_display = ["series", "year", "last_number"]
    list_filter = ["series", "year"]
    search_fields = ["series"]
