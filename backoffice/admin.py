from django.contrib import admin

from backoffice.models import Job, JobChunk, Notification


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["kind", "requested_by", "status", "done", "total", "created_at", "finished_at"]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["kind", "requested_by__username", "error"]
    list_select_related = ["requested_by"]
    raw_id_fields = ["requested_by"]
    readonly_fields = [
        "id",
        "kind",
        "requested_by",
        "params",
        "status",
        "done",
        "total",
        "result",
        "result_file",
        "error",
        "attempts",
        "created_at",
        "started_at",
        "heartbeat_at",
        "finished_at",
        "chunks_finished_at",
    ]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # jobs are started from the pages that own them


@admin.register(JobChunk)
class JobChunkAdmin(admin.ModelAdmin):
    """Read-only: chunks are made and done by their job's workers."""

    list_display = ["job", "index", "done", "finished_at"]
    list_filter = ["done", "job__kind"]
    search_fields = ["job__id", "job__kind"]
    list_select_related = ["job"]
    raw_id_fields = ["job"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "level", "source", "created_at", "read_at"]
    list_filter = ["level", "source", "created_at"]
    search_fields = ["title", "body", "recipient__username"]
    list_select_related = ["recipient"]
    autocomplete_fields = ["recipient"]
    date_hierarchy = "created_at"
