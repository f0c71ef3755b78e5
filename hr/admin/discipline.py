"""Admin of discipline: incidents, warnings, escalation, dismissals and terminations."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ADD, CHANGE, ReadOnlyAdminMixin
from hr.models.discipline import (
    DisciplineProposal,
    DismissalCase,
    EscalationRule,
    Incident,
    OffboardingItem,
    Termination,
    Warning,
)


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ["employee", "occurred_on", "reported_by", "recorded_by", "recorded_at"]
    list_filter = ["occurred_on"]
    search_fields = ["employee__first_name", "employee__last_name", "description"]
    list_select_related = ["employee", "reported_by", "recorded_by"]
    autocomplete_fields = ["employee", "reported_by"]
    raw_id_fields = ["recorded_by"]
    date_hierarchy = "occurred_on"


@admin.register(Warning)
class WarningAdmin(SimpleHistoryAdmin):
    list_display = [
        "employee",
        "level",
        "issued_on",
        "expires_on",
        "shared_with_manager",
        "acknowledged_at",
    ]
    list_filter = ["level", "shared_with_manager", "issued_on", "expires_on"]
    search_fields = ["employee__first_name", "employee__last_name", "reason"]
    list_select_related = ["employee"]
    autocomplete_fields = ["employee"]
    raw_id_fields = ["issued_by", "incidents"]
    date_hierarchy = "issued_on"


@admin.register(EscalationRule)
class EscalationRuleAdmin(admin.ModelAdmin):
    list_display = ["name", "condition", "threshold", "proposes", "is_active"]
    list_filter = ["condition", "proposes", "is_active"]
    search_fields = ["name"]


@admin.register(DisciplineProposal)
class DisciplineProposalAdmin(admin.ModelAdmin):
    list_display = ["employee", "proposes", "rule", "status", "created_at", "decided_by"]
    list_filter = ["status", "proposes", "rule"]
    search_fields = ["employee__first_name", "employee__last_name"]
    list_select_related = ["employee", "rule", "decided_by"]
    raw_id_fields = ["employee", "incident", "rule", "decided_by"]


@admin.register(DismissalCase)
class DismissalCaseAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Read only: the two agreements are given on the HR and manager pages."""

    refused = (ADD, CHANGE)
    list_display = [
        "employee",
        "manager",
        "last_day",
        "status",
        "hr_agreed_by",
        "manager_agreed_by",
        "opened_at",
    ]
    list_filter = ["status", "last_day"]
    search_fields = ["employee__first_name", "employee__last_name", "reason"]
    list_select_related = ["employee", "manager", "hr_agreed_by", "manager_agreed_by"]
    raw_id_fields = [
        "employee",
        "manager",
        "opened_by",
        "hr_agreed_by",
        "manager_agreed_by",
        "termination",
    ]


class OffboardingItemInline(admin.TabularInline):
    model = OffboardingItem
    extra = 0
    raw_id_fields = ["done_by"]


@admin.register(Termination)
class TerminationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["employee", "kind", "last_day", "recorded_by", "recorded_at"]
    list_filter = ["kind", "last_day"]
    search_fields = ["employee__first_name", "employee__last_name", "reason"]
    list_select_related = ["employee", "recorded_by"]
    raw_id_fields = ["employee", "recorded_by"]
    inlines = [OffboardingItemInline]


@admin.register(OffboardingItem)
class OffboardingItemAdmin(admin.ModelAdmin):
    list_display = ["termination", "task", "department", "done_by", "done_at"]
    list_filter = ["task", "department", ("done_at", admin.EmptyFieldListFilter)]
    search_fields = ["termination__employee__first_name", "termination__employee__last_name"]
    list_select_related = ["termination__employee", "done_by"]
    raw_id_fields = ["termination", "done_by"]
