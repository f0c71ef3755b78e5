from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ReadOnlyAdminMixin
from it_support.models.offboarding import OffboardingTicketItem
from it_support.models.sla import SlaPolicy
from it_support.models.tickets import SavedQueueFilter, Ticket, TicketAttachment, TicketMessage


class TicketMessageInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = TicketMessage
    fields = ["created_at", "author", "internal", "body"]
    readonly_fields = fields
    extra = 0


@admin.register(Ticket)
class TicketAdmin(SimpleHistoryAdmin):
    list_display = [
        "id",
        "subject",
        "status",
        "priority",
        "category",
        "requester",
        "assignee",
        "created_at",
        "resolution_breached",
    ]
    list_filter = ["status", "priority", "category", "resolution_breached", "source"]
    search_fields = ["subject", "requester__username", "requester__last_name"]
    raw_id_fields = ["requester", "assignee", "resolved_by", "closed_by"]
    autocomplete_fields = ["system", "equipment"]
    list_select_related = ["requester", "assignee"]
    readonly_fields = ["status", "created_at", "updated_at"]
    show_full_result_count = False  # no COUNT(*) over the whole table
    inlines = [TicketMessageInline]


@admin.register(TicketMessage)
class TicketMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["ticket", "author", "internal", "created_at"]
    list_filter = ["internal"]
    search_fields = ["body"]
    raw_id_fields = ["ticket", "author"]
    list_select_related = ["ticket", "author"]
    show_full_result_count = False


@admin.register(TicketAttachment)
class TicketAttachmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["filename", "ticket", "kind", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["filename"]
    raw_id_fields = ["ticket", "message", "uploaded_by"]
    list_select_related = ["ticket", "uploaded_by"]


@admin.register(SlaPolicy)
class SlaPolicyAdmin(SimpleHistoryAdmin):
    list_display = ["priority", "response_hours", "resolution_hours"]
    list_filter = ["priority"]
    search_fields = ["priority"]


@admin.register(OffboardingTicketItem)
class OffboardingTicketItemAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["ticket", "leaver", "kind", "equipment", "outcome", "done_by", "done_at"]
    list_filter = ["kind", "outcome"]
    search_fields = ["leaver__last_name", "leaver__first_name", "equipment__tag"]
    raw_id_fields = ["ticket", "leaver", "equipment", "done_by"]
    list_select_related = ["ticket", "leaver", "equipment", "done_by"]


@admin.register(SavedQueueFilter)
class SavedQueueFilterAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "query"]
    search_fields = ["name", "user__username"]
    list_filter = ["user__is_active"]
    raw_id_fields = ["user"]
    list_select_related = ["user"]
