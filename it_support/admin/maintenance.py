from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ReadOnlyAdminMixin
from it_support.models.maintenance import MaintenanceLog, MaintenancePlan, MaintenanceReminder


@admin.register(MaintenancePlan)
class MaintenancePlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "system", "equipment", "frequency", "owner", "next_due_on", "active"]
    list_filter = ["frequency", "active", "system"]
    search_fields = ["title", "system__name", "equipment__tag"]
    autocomplete_fields = ["system", "equipment"]
    raw_id_fields = ["owner"]
    list_select_related = ["system", "equipment", "owner"]


@admin.register(MaintenanceLog)
class MaintenanceLogAdmin(admin.ModelAdmin):
    list_display = ["plan", "done_on", "done_by", "recorded_at"]
    list_filter = ["done_on"]
    search_fields = ["plan__title", "notes"]
    raw_id_fields = ["plan", "done_by"]
    list_select_related = ["plan", "done_by"]


@admin.register(MaintenanceReminder)
class MaintenanceReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["plan", "due_on", "sent_at"]
    list_filter = ["due_on"]
    search_fields = ["plan__title"]
    raw_id_fields = ["plan"]
    list_select_related = ["plan"]
