"""Admin of the payroll rules.

Rules and parameters are edited on the payroll rules pages, whose services
check the whole set (codes, cycles, date ranges); here they are read-only so
the admin can never save a set the engine would refuse.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accounting.models.payroll_rules import (
    PayrollBracketRow,
    PayrollBracketTable,
    PayrollParameter,
    PayrollRule,
    PayrollRuleSet,
)
from backoffice.admin import DELETE, ReadOnlyAdminMixin


@admin.register(PayrollRuleSet)
class PayrollRuleSetAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    refused = (DELETE,)
    list_display = ["code", "name", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name"]


@admin.register(PayrollRule)
class PayrollRuleAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "code",
        "name",
        "rule_set",
        "category",
        "order",
        "base_kind",
        "computation",
        "rounding_places",
        "effective_from",
        "effective_to",
    ]
    list_filter = ["rule_set", "category", "base_kind", "computation"]
    search_fields = ["code", "name", "legal_source"]
    list_select_related = ["rule_set"]


@admin.register(PayrollParameter)
class PayrollParameterAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["code", "name", "rule_set", "value", "effective_from", "effective_to"]
    list_filter = ["rule_set", "code"]
    search_fields = ["code", "name", "legal_source"]
    list_select_related = ["rule_set"]


class PayrollBracketRowInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PayrollBracketRow
    fields = ["key", "lower", "upper", "value"]
    readonly_fields = fields
    extra = 0


@admin.register(PayrollBracketTable)
class PayrollBracketTableAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "rule_set", "key_input"]
    list_filter = ["rule_set", "key_input"]
    search_fields = ["code", "name"]
    list_select_related = ["rule_set"]
    inlines = [PayrollBracketRowInline]


@admin.register(PayrollBracketRow)
class PayrollBracketRowAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["table", "key", "lower", "upper", "value"]
    list_filter = ["table__rule_set", "table"]
    search_fields = ["table__code"]
    list_select_related = ["table__rule_set"]
