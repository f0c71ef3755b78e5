"""Admin of policies, their versions and acknowledgements."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ADD, CHANGE, ReadOnlyAdminMixin
from hr.models.policies import Policy, PolicyAcknowledgement, PolicyVersion


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "applies_to_all", "current_version", "is_active"]
    list_filter = ["category", "applies_to_all", "is_active"]
    search_fields = ["title"]
    list_select_related = ["current_version"]
    filter_horizontal = ["departments"]
    readonly_fields = ["current_version"]


@admin.register(PolicyVersion)
class PolicyVersionAdmin(SimpleHistoryAdmin):
    """Publishing goes through `hr.services.policy_version_publish` (the HR pages)."""

    list_display = ["policy", "version", "effective_date", "published", "published_at"]
    list_filter = ["published", "policy", "effective_date"]
    search_fields = ["policy__title", "text"]
    list_select_related = ["policy"]
    autocomplete_fields = ["policy"]
    readonly_fields = ["published", "published_at"]


@admin.register(PolicyAcknowledgement)
class PolicyAcknowledgementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read only: only the employee acknowledges, on their My policies page."""

    refused = (ADD, CHANGE)
    list_display = ["employee", "version", "acknowledged_at"]
    list_filter = ["version__policy", "acknowledged_at"]
    search_fields = [
        "employee__first_name",
        "employee__last_name",
        "employee__employee_number",
        "version__policy__title",
    ]
    list_select_related = ["employee", "version__policy"]
    raw_id_fields = ["employee", "version"]
    date_hierarchy = "acknowledged_at"
