"""Writes of payroll rules and parameters, each checked against its whole set.

A change is tried on the set as it would be after saving: every code a rule
names must exist, the rules must not depend on each other in a cycle, and
two versions of one rule or parameter must not be in force on the same day.
The set's row is locked first so two accountants' edits are checked one
after the other. Refused changes leave everything as it was.
"""

from decimal import Decimal

from django.apps import apps as django_apps
from django.db import transaction
from django.utils.translation import gettext as _

from accounting.models.payroll_rules import (
    PayrollBracketRow,
    PayrollBracketTable,
    PayrollParameter,
    PayrollRule,
    PayrollRuleSet,
)
from accounting.payroll.shipped import RULE_SETS, RULES_FROM
from accounting.payroll.specs import PayrollBracketRowSpec, PayrollBracketSpec
from accounting.payroll.validation import payroll_bracket_problems, payroll_rules_problems
from accounting.selectors.payroll_rules import (
    payroll_parameter_value,
    payroll_parameters_of,
    payroll_rule_spec,
    payroll_rules_of,
)
from backoffice.errors import DomainError, clean_or_raise

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
    clean_or_raise(rule, error=PayrollRuleError)
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
    clean_or_raise(parameter, error=PayrollRuleError)
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


@transaction.atomic
def payroll_bracket_rows_replace(
    *, by, table: PayrollBracketTable, rows: list[dict]
) -> PayrollBracketTable:
    """Replace a table's rows, refused whole when they leave a gap or overlap.

    `rows` are dicts of key, lower, upper (None: no limit) and value.
    """
    _locked(table.rule_set)
    spec = PayrollBracketSpec(
        table.code,
        tuple(PayrollBracketRowSpec(r["lower"], r["upper"], r["value"], r["key"]) for r in rows),
        table.key_input,
    )
    problems = payroll_bracket_problems(spec)
    if not rows:
        problems.append(_("A bracket table needs at least one row."))
    if problems:
        raise PayrollRuleError(" ".join(problems))
    table.rows.all().delete()
    PayrollBracketRow.objects.bulk_create(PayrollBracketRow(table=table, **row) for row in rows)
    return table


@transaction.atomic
def payroll_rule_sets_install(*, apps=django_apps) -> int:
    """Create the shipped rule sets that are missing; return how many were.

    Idempotent. The data migration calls it with its historical `apps`; the
    demo seed and tests call it to restore the sets after a flush.
    """
    created_count = 0
    RuleSet = apps.get_model("accounting", "PayrollRuleSet")
    Parameter = apps.get_model("accounting", "PayrollParameter")
    Table = apps.get_model("accounting", "PayrollBracketTable")
    Row = apps.get_model("accounting", "PayrollBracketRow")
    Rule = apps.get_model("accounting", "PayrollRule")
    for data in RULE_SETS:
        rule_set, created = RuleSet.objects.get_or_create(
            code=data["code"], defaults={"name": data["name"]}
        )
        if not created:
            continue
        created_count += 1
        Parameter.objects.bulk_create(
            Parameter(
                rule_set=rule_set,
                code=code,
                name=name,
                value=Decimal(value),
                effective_from=start,
                effective_to=end,
                legal_source=source,
            )
            for code, name, value, (start, end), source in data["parameters"]
        )
        tables = {}
        for code, name, key_input, source, rows in data["brackets"]:
            table = Table.objects.create(
                rule_set=rule_set, code=code, name=name, key_input=key_input, legal_source=source
            )
            tables[code] = table
            Row.objects.bulk_create(
                Row(table=table, key=key, lower=lower, upper=upper, value=value)
                for key, lower, upper, value in rows
            )
        for fields in data["rules"]:
            fields = dict(fields)
            if "bracket" in fields:
                fields["bracket_table"] = tables[fields.pop("bracket")]
            Rule.objects.create(rule_set=rule_set, effective_from=RULES_FROM, **fields)
    return created_count
