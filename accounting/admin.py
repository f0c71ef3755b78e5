from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounting.models import (
    Account,
    AccountMonthTotal,
    FiscalPeriod,
    FiscalYear,
    JournalEntry,
    JournalLine,
    TakingsImport,
)
from accounting.services import LedgerError, fiscal_period_close, journal_entry_post


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
