"""Admin of the phone side: presence, calls with their chain, messages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ReadOnlyAdminMixin
from clerical.models.phones import Call, CallTransfer, PhoneMessage, Presence

EMPLOYEE_SEARCH = ["employee__first_name", "employee__last_name", "employee__extension"]


@admin.register(Presence)
class PresenceAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "status", "until", "set_by", "set_at"]
    list_filter = ["status"]
    search_fields = EMPLOYEE_SEARCH
    list_select_related = ["employee", "set_by"]
    autocomplete_fields = ["employee"]
    raw_id_fields = ["set_by"]


class CallTransferInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = CallTransfer
    fields = ["position", "to_employee", "by", "at", "outcome"]
    extra = 0


@admin.register(Call)
class CallAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Calls are written by the call log's services; the admin shows them."""

    list_display = ["received_at", "caller_display", "for_employee", "department", "status"]
    list_filter = ["status", "department", "received_at"]
    search_fields = [
        "caller_name",
        "caller_number",
        "subject",
        "for_employee__last_name",
        "caller_employee__last_name",
    ]
    list_select_related = ["caller_employee", "for_employee", "department"]
    date_hierarchy = "received_at"
    inlines = [CallTransferInline]


@admin.register(CallTransfer)
class CallTransferAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["call", "position", "to_employee", "outcome", "at"]
    list_filter = ["outcome"]
    search_fields = ["to_employee__last_name", "call__caller_name", "call__caller_number"]
    list_select_related = ["call__for_employee", "to_employee"]
    raw_id_fields = ["call"]


@admin.register(PhoneMessage)
class PhoneMessageAdmin(SimpleHistoryAdmin):
    list_display = ["taken_at", "recipient", "caller", "urgency", "call_back_by", "status"]
    list_filter = ["status", "urgency", "taken_at"]
    search_fields = ["caller", "caller_number", "body", "recipient__last_name"]
    list_select_related = ["recipient", "taken_by"]
    autocomplete_fields = ["recipient"]
    raw_id_fields = ["call", "taken_by", "done_by"]
    readonly_fields = ["status", "done_by", "done_at", "reminded_for"]
