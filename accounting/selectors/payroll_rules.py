"""Reads of payroll rules, and their conversion to the engine's plain data.

Rules and parameters are not personal: everyone allowed by the view's
permission sees every rule set. A set is loaded in a fixed number of
queries (rules with their tables, table rows, parameters).
"""

from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from accounting.models.payroll_rules import (
    PayrollBracketRow,
    PayrollBracketTable,
    PayrollParameter,
    PayrollRule,
    PayrollRuleSet,
)
from accounting.payroll.engine import PayrollInputs, PayslipResult, calculate
from accounting.payroll.specs import (
    PayrollBracketRowSpec,
    PayrollBracketSpec,
    PayrollParameterValue,
    PayrollRuleSpec,
)


def payroll_rule_sets_visible_to(user) -> QuerySet[PayrollRuleSet]:
    return PayrollRuleSet.objects.annotate(
        rule_count=Count("rules", distinct=True),
        parameter_count=Count("parameters", distinct=True),
    ).order_by("code")


def payroll_rules_of(rule_set: PayrollRuleSet) -> QuerySet[PayrollRule]:
    rows = Prefetch(
        "bracket_table__rows", queryset=PayrollBracketRow.objects.order_by("key", "lower")
    )
    return (
        rule_set.rules.select_related("bracket_table")
        .prefetch_related(rows)
        .order_by("order", "code", "effective_from")
    )


def payroll_parameters_of(rule_set: PayrollRuleSet) -> QuerySet[PayrollParameter]:
    return rule_set.parameters.order_by("code", "effective_from")


def payroll_bracket_tables_of(rule_set: PayrollRuleSet) -> QuerySet[PayrollBracketTable]:
    return rule_set.bracket_tables.annotate(row_count=Count("rows")).order_by("code")


def payroll_bracket_spec(table: PayrollBracketTable) -> PayrollBracketSpec:
    rows = tuple(
        PayrollBracketRowSpec(row.lower, row.upper, row.value, row.key) for row in table.rows.all()
    )
    return PayrollBracketSpec(table.code, rows, table.key_input)


def payroll_rule_spec(rule: PayrollRule) -> PayrollRuleSpec:
    bracket = payroll_bracket_spec(rule.bracket_table) if rule.bracket_table_id else None
    return PayrollRuleSpec(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        computation=rule.computation,
        base_kind=rule.base_kind,
        base_codes=tuple(rule.base_codes or ()),
        less_codes=tuple(rule.less_codes or ()),
        base_offset_parameter=rule.base_offset_parameter,
        order=rule.order,
        effective_from=rule.effective_from,
        effective_to=rule.effective_to,
        amount=rule.amount,
        amount_parameter=rule.amount_parameter,
        rate=rule.rate,
        rate_parameter=rule.rate_parameter,
        floor=rule.floor,
        floor_parameter=rule.floor_parameter,
        cap=rule.cap,
        cap_parameter=rule.cap_parameter,
        bracket=bracket,
        rounding_places=rule.rounding_places,
        reduces_taxable=rule.reduces_taxable,
        unless_flag=rule.unless_flag,
        gross_from_parameter=rule.gross_from_parameter,
        gross_to_parameter=rule.gross_to_parameter,
        visible=rule.visible_on_payslip,
    )


def payroll_parameter_value(parameter: PayrollParameter) -> PayrollParameterValue:
    return PayrollParameterValue(
        parameter.code, parameter.value, parameter.effective_from, parameter.effective_to
    )


def payroll_rule_set_specs(rule_set: PayrollRuleSet):
    """(rule specs, parameter values) of a whole rule set, all dates."""
    rules = [payroll_rule_spec(rule) for rule in payroll_rules_of(rule_set)]
    parameters = [payroll_parameter_value(p) for p in payroll_parameters_of(rule_set)]
    return rules, parameters


def payroll_rule_set_calculate(
    *, rule_set: PayrollRuleSet, inputs: PayrollInputs, on: date
) -> PayslipResult:
    """The payslip lines of `inputs` under a stored rule set on a date.

    Raises `accounting.payroll.engine.PayrollRulesError` when the set cannot
    be applied on that date (a parameter without a value, say).
    """
    rules, parameters = payroll_rule_set_specs(rule_set)
    return calculate(rules, parameters, inputs, on)
