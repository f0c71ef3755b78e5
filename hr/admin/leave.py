"""Admin of leave: types and policies are edited here; requests and the ledger are written by
services (the ledger is append-only: a mistake is corrected by an adjustment row)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ADD, CHANGE, DELETE, ReadOnlyAdminMixin
from hr.models.leave import (
    LeaveCalendarFeed,
    LeaveLedgerEntry,
    LeavePolicy,
    LeavePolicySet,
    LeaveRequest,
    LeaveType,
    TeamStaffing,
)


@admin.register(LeaveType)
class LeaveTypeAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "category",
        "is_paid",
        "payroll_rule_code",
        "approver",
        "has_balance",
        "allows_half_days",
        "allows_negative",
        "days_per_event",
        "is_active",
    ]
    list_filter = ["category", "is_paid", "approver", "has_balance", "is_active"]
    search_fields = ["name", "code", "legal_source"]


class LeavePolicyInline(admin.TabularInline):
    model = LeavePolicy
    extra = 0
    autocomplete_fields = ["leave_type"]


@admin.register(LeavePolicySet)
class LeavePolicySetAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]
    inlines = [LeavePolicyInline]


@admin.register(LeavePolicy)
class LeavePolicyAdmin(SimpleHistoryAdmin):
    list_display = [
        "policy_set",
        "leave_type",
        "contract_type",
        "effective_from",
        "days_per_year",
        "pro_rata_part_time",
        "carry_over_months",
    ]
    list_filter = ["policy_set", "leave_type", "contract_type"]
    search_fields = ["leave_type__name", "legal_source"]
    list_select_related = ["policy_set", "leave_type"]
    autocomplete_fields = ["leave_type"]


@admin.register(LeaveRequest)
class LeaveRequestAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["employee", "leave_type", "start_date", "end_date", "half", "days", "status"]
    list_filter = ["status", "leave_type", "employee__department"]
    search_fields = ["employee__last_name", "employee__first_name", "employee__employee_number"]
    list_select_related = ["employee", "leave_type"]
    raw_id_fields = ["employee"]
    date_hierarchy = "start_date"


@admin.register(LeaveLedgerEntry)
class LeaveLedgerEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    refused = (CHANGE, DELETE)
    list_display = [
        "employee",
        "leave_type",
        "kind",
        "days",
        "year",
        "usable_until",
        "reason",
        "created_at",
    ]
    list_filter = ["kind", "leave_type", "year"]
    search_fields = ["employee__last_name", "employee__employee_number", "reason"]
    list_select_related = ["employee", "leave_type"]
    raw_id_fields = ["employee", "request"]


@admin.register(TeamStaffing)
class TeamStaffingAdmin(admin.ModelAdmin):
    list_display = ["manager", "minimum_present"]
    search_fields = ["manager__last_name", "manager__first_name"]
    list_select_related = ["manager"]
    raw_id_fields = ["manager"]


@admin.register(LeaveCalendarFeed)
class LeaveCalendarFeedAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    refused = (ADD, DELETE)
    list_display = ["owner", "scope", "created_at", "revoked_at"]
    list_filter = ["scope", "revoked_at"]
    search_fields = ["owner__last_name", "owner__first_name"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]
    exclude = ["token"]
