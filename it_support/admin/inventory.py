from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from it_support.models.inventory import Equipment, System


@admin.register(System)
class SystemAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "owner", "vendor", "version", "criticality", "active"]
    list_filter = ["kind", "criticality", "active"]
    search_fields = ["name", "vendor", "runs_on"]
    autocomplete_fields = ["owner"]
    list_select_related = ["owner"]


@admin.register(Equipment)
class EquipmentAdmin(SimpleHistoryAdmin):
    list_display = ["tag", "name", "kind", "status", "location", "assigned_to", "warranty_end"]
    list_filter = ["kind", "status", "system"]
    search_fields = ["tag", "name", "serial", "location"]
    autocomplete_fields = ["assigned_to", "system"]
    list_select_related = ["assigned_to", "system"]
