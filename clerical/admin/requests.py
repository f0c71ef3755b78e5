"""Admin of office requests."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from clerical.models.requests import OfficeRequest


@admin.register(OfficeRequest)
class OfficeRequestAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "kind", "requested_by", "requested_at", "needed_by", "status"]
    list_filter = ["status", "kind", "requested_at"]
    search_fields = ["description", "requested_by__username", "requested_by__last_name"]
    list_select_related = ["requested_by"]
    raw_id_fields = ["requested_by", "started_by", "done_by"]
    readonly_fields = ["status", "started_by", "started_at", "done_by", "done_at"]
