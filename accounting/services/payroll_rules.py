"""Writes of payroll rules and parameters, each checked against its whole set.

A change is tried on the set as it would be after saving: every code a rule
names must exist, the rules must not depend on each other in a cycle, and
two versions of one rule or parameter must not be in force on the same day.
The set's row is locked first so two accountants' edits are checked one
after the other. Refused changes leave everything as it was.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounting.models import PayrollParameter, PayrollRule, PayrollRuleSet
from accounting.payroll.engine import payroll_rules_problems
from accounting.selectors.payroll_rules import (
    payroll_parameter_value,
    payroll_parameters_of,
    payroll_rule_spec,
    payroll_rules_of,
)
from backoffice.errors import DomainError

RULE_FIELDS = (
    "code",
    "name",
    "category",
    "order",
    "effective_from",
    "effective_to",
    "base_kind",
    "base_codes",
    "less_codes",
    "base_offset_parameter",
    "computation",
    "amount",
    "amount_parameter",
    "rate",
    "rate_parameter",
    "floor",
    "floor_parameter",
    "cap",
    "cap_parameter",
    "bracket_table",
    "rounding_places",
    "reduces_taxable",
    "unless_flag",
    "gross_from_parameter",
    "gross_to_parameter",
    "visible_on_payslip",
    "legal_source",
)
PARAMETER_FIELDS = ("code", "name", "value", "effective_from", "effective_to", "legal_source")


class PayrollRuleError(DomainError):
    pass


def _apply(instance, data: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in data.items():
        setattr(instance, name, value)


def _clean(instance) -> None:
    try:
        instance.full_clean()
    except ValidationError as exc:
        raise PayrollRuleError(" ".join(exc.messages)) from exc


def _check_set(rule_set: PayrollRuleSet, *, rule=None, parameter=None) -> None:
    """Refuse when the set, with `rule` or `parameter` in place, is unsound."""
    stored_rules = payroll_rules_of(rule_set)
    stored_parameters = payroll_parameters_of(rule_set)
    if rule is not None and rule.pk:
        stored_rules = stored_rules.exclude(pk=rule.pk)
    if parameter is not None and parameter.pk:
        stored_parameters = stored_parameters.exclude(pk=parameter.pk)
    rules = [payroll_rule_spec(item) for item in stored_rules]
    parameters = [payroll_parameter_value(item) for item in stored_parameters]
    if rule is not None:
        rules.append(payroll_rule_spec(rule))
    if parameter is not None:
        parameters.append(payroll_parameter_value(parameter))
    problems = payroll_rules_problems(rules, parameters)
    if problems:
        raise PayrollRuleError(" ".join(problems))


def _save(instance, *, by) -> None:
    instance._history_user = by
    instance.save()


def _locked(rule_set: PayrollRuleSet) -> PayrollRuleSet:
    return PayrollRuleSet.objects.select_for_update().get(pk=rule_set.pk)


def _rule_write(*, by, rule: PayrollRule, data: dict) -> PayrollRule:
    _apply(rule, data, RULE_FIELDS)
    if rule.bracket_table_id and rule.bracket_table.rule_set_id != rule.rule_set_id:
        raise PayrollRuleError(_("The bracket table belongs to another rule set."))
    _clean(rule)
    _check_set(rule.rule_set, rule=rule)
    _save(rule, by=by)
    return rule


@transaction.atomic
def payroll_rule_create(*, by, rule_set: PayrollRuleSet, **data) -> PayrollRule:
    rule = PayrollRule(rule_set=_locked(rule_set))
    return _rule_write(by=by, rule=rule, data=data)


@transaction.atomic
def payroll_rule_update(*, by, rule: PayrollRule, **data) -> PayrollRule:
    _locked(rule.rule_set)
    rule = PayrollRule.objects.select_related("rule_set").get(pk=rule.pk)
    return _rule_write(by=by, rule=rule, data=data)


def _parameter_write(*, by, parameter: PayrollParameter, data: dict) -> PayrollParameter:
    _apply(parameter, data, PARAMETER_FIELDS)
    _clean(parameter)
    _check_set(parameter.rule_set, parameter=parameter)
    _save(parameter, by=by)
    return parameter


@transaction.atomic
def payroll_parameter_create(*, by, rule_set: PayrollRuleSet, **data) -> PayrollParameter:
    parameter = PayrollParameter(rule_set=_locked(rule_set))
    return _parameter_write(by=by, parameter=parameter, data=data)


@transaction.atomic
def payroll_parameter_update(*, by, parameter: PayrollParameter, **data) -> PayrollParameter:
    _locked(parameter.rule_set)
    parameter = PayrollParameter.objects.select_related("rule_set").get(pk=parameter.pk)
    return _parameter_write(by=by, parameter=parameter, data=data)
