from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ReadOnlyOnceFinalAdminMixin
from it_support.models.changes import ChangeRequest


@admin.register(ChangeRequest)
class ChangeRequestAdmin(ReadOnlyOnceFinalAdminMixin, SimpleHistoryAdmin):
    """Steps go through the pages (two approvers, history); the admin edits drafts only."""

    list_display = ["title", "system", "status", "risk", "requested_by", "created_at"]
    list_filter = ["status", "risk", "system"]
    search_fields = ["title", "description", "system__name"]
    autocomplete_fields = ["system", "equipment"]
    raw_id_fields = [
        "requested_by",
        "submitted_by",
        "it_approved_by",
        "owner_approved_by",
        "scheduled_by",
        "implemented_by",
        "reviewed_by",
        "closed_by",
    ]
    list_select_related = ["system", "requested_by"]
    readonly_fields = ["status"]

    def is_final(self, obj) -> bool:
        return obj.status != ChangeRequest.Status.DRAFT
