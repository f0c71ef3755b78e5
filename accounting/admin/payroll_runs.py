"""Admin of payroll runs: read-only, since runs are calculated, approved and
posted only through their services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accounting.models.payroll_runs import (
    FinalPay,
    PayrollException,
    PayrollRun,
    Payslip,
    PayslipLine,
)
from backoffice.admin import ADD, CHANGE, ReadOnlyAdminMixin


@admin.register(PayrollRun)
class PayrollRunAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "period_start",
        "kind",
        "pay_date",
        "rule_set",
        "status",
        "gross",
        "net",
        "paid_at",
    ]
    list_filter = ["status", "kind", "rule_set", "period_start"]
    search_fields = ["rule_set__code", "rule_set__name"]
    list_select_related = ["rule_set"]
    date_hierarchy = "period_start"


class PayslipLineInline(ReadOnlyAdminMixin, admin.TabularInline):
    refused = (ADD, CHANGE)
    model = PayslipLine
    extra = 0
    can_delete = False


@admin.register(Payslip)
class PayslipAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "run",
        "employee",
        "department",
        "gross",
        "deductions",
        "net",
        "employer_cost",
        "is_final",
        "emailed_at",
    ]
    list_filter = ["run__period_start", "department", "is_final"]
    search_fields = ["employee__first_name", "employee__last_name", "employee__employee_number"]
    list_select_related = ["run", "run__rule_set", "employee", "department"]
    autocomplete_fields = ["employee"]
    inlines = [PayslipLineInline]


@admin.register(PayslipLine)
class PayslipLineAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["payslip", "code", "name", "category", "base", "amount"]
    list_filter = ["category", "code"]
    search_fields = ["code", "name", "payslip__employee__last_name"]
    list_select_related = ["payslip", "payslip__run", "payslip__run__rule_set", "payslip__employee"]


@admin.register(PayrollException)
class PayrollExceptionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["run", "employee", "reason", "resolved", "excluded"]
    list_filter = ["reason", "resolved", "excluded"]
    search_fields = ["employee__first_name", "employee__last_name", "message"]
    list_select_related = ["run", "run__rule_set", "employee"]
    autocomplete_fields = ["employee"]


@admin.register(FinalPay)
class FinalPayAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["employee", "last_day", "kind", "payslip", "recorded_at"]
    list_filter = ["kind", "last_day"]
    search_fields = ["employee__first_name", "employee__last_name", "employee__employee_number"]
    list_select_related = ["employee", "payslip", "payslip__run", "payslip__run__rule_set"]
    autocomplete_fields = ["employee"]
