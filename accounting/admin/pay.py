"""Admin of the payroll inputs: public holidays, pay profiles, pay items, timesheets."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accounting.models.pay import (
    PayItem,
    PayProfile,
    Timesheet,
    TimesheetDay,
    TimesheetReminder,
)
from backoffice.admin import ADD, CHANGE, ReadOnlyAdminMixin, ReadOnlyOnceFinalAdminMixin


@admin.register(PayProfile)
class PayProfileAdmin(SimpleHistoryAdmin):
    list_display = [
        "employee",
        "effective_from",
        "pay_type",
        "monthly_salary",
        "hourly_rate",
        "normal_hours_per_day",
        "tax_exempt",
    ]
    list_filter = ["pay_type", "tax_exempt", "young_employee_deduction", "effective_from"]
    search_fields = ["employee__first_name", "employee__last_name", "employee__employee_number"]
    list_select_related = ["employee"]
    autocomplete_fields = ["employee"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(PayItem)
class PayItemAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "kind", "code", "amount", "recurring", "month", "end_month"]
    list_filter = ["kind", "code", "recurring", "month"]
    search_fields = [
        "employee__first_name",
        "employee__last_name",
        "employee__employee_number",
        "description",
    ]
    list_select_related = ["employee"]
    autocomplete_fields = ["employee"]
    readonly_fields = ["created_by", "created_at"]


class TimesheetDayInline(ReadOnlyOnceFinalAdminMixin, admin.TabularInline):
    model = TimesheetDay
    extra = 0

    # An approved timesheet is final (the database refuses changes too).
    def is_final(self, obj) -> bool:
        return obj.status == Timesheet.Status.APPROVED


@admin.register(Timesheet)
class TimesheetAdmin(ReadOnlyOnceFinalAdminMixin, SimpleHistoryAdmin):
    list_display = ["employee", "period_start", "status", "submitted_at", "decided_by"]
    list_filter = ["status", "period_start"]
    search_fields = ["employee__first_name", "employee__last_name", "employee__employee_number"]
    list_select_related = ["employee", "decided_by"]
    autocomplete_fields = ["employee"]
    raw_id_fields = ["decided_by"]
    inlines = [TimesheetDayInline]

    def is_final(self, obj) -> bool:
        return obj.status == Timesheet.Status.APPROVED


@admin.register(TimesheetDay)
class TimesheetDayAdmin(ReadOnlyOnceFinalAdminMixin, admin.ModelAdmin):
    list_display = ["timesheet", "date", "normal", "overtime", "leave", "sick"]
    list_filter = ["date", "timesheet__status"]
    search_fields = ["timesheet__employee__last_name", "timesheet__employee__first_name"]
    list_select_related = ["timesheet", "timesheet__employee"]
    raw_id_fields = ["timesheet"]

    def is_final(self, obj) -> bool:
        return obj.timesheet.status == Timesheet.Status.APPROVED


@admin.register(TimesheetReminder)
class TimesheetReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    refused = (ADD, CHANGE)
    list_display = ["user", "kind", "period_start", "sent_at"]
    list_filter = ["kind", "period_start"]
    search_fields = ["user__username", "user__last_name"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
