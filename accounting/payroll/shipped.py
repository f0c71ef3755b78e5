"""The two rule sets the product ships, as plain data.

The data migration `0012_payroll_rules` writes them to the database, where
accountants edit them; the engine tests read them from here to prove the
arithmetic without a database. Figures whose legal basis should be checked
again say so in their `legal_source`. Romania's figures are in `romania`.
"""

from datetime import date
from decimal import Decimal

from accounting.payroll.romania import ROMANIA_BRACKETS, ROMANIA_PARAMETERS, ROMANIA_RULES
from accounting.payroll.specs import (
    PayrollBracketRowSpec,
    PayrollBracketSpec,
    PayrollParameterValue,
    PayrollRuleSpec,
    rule_data,
)

SIMPLE_PARAMETERS = [
    (
        "FLAT_TAX_RATE",
        "Flat tax (%)",
        "20",
        (date(2000, 1, 1), None),
        "A flat tax for trying the product; not any country's law.",
    ),
]

SIMPLE_RULES = [
    rule_data(
        "SALARY", "Salary", "earning", 10, "base", base_kind="input", base_codes=["base_salary"]
    ),
    rule_data(
        "HOURS",
        "Hours worked",
        "earning",
        20,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["normal", "overtime", "night", "weekend", "holiday"],
        rate=Decimal("100"),
    ),
    rule_data(
        "FLAT_TAX",
        "Flat tax",
        "tax",
        100,
        "percentage",
        base_kind="gross",
        rate_parameter="FLAT_TAX_RATE",
        rounding_places=2,
    ),
]

RULE_SETS = [
    {
        "code": "RO",
        "name": "Romania",
        "parameters": ROMANIA_PARAMETERS,
        "brackets": ROMANIA_BRACKETS,
        "rules": ROMANIA_RULES,
    },
    {
        "code": "SIMPLE",
        "name": "Simple (one flat tax)",
        "parameters": SIMPLE_PARAMETERS,
        "brackets": [],
        "rules": SIMPLE_RULES,
    },
]

RULES_FROM = date(2026, 1, 1)


def shipped_specs(code: str):
    """(rules, parameters) of a shipped rule set as engine specs."""
    rule_set = next(item for item in RULE_SETS if item["code"] == code)
    brackets = {
        b_code: PayrollBracketSpec(
            b_code,
            tuple(PayrollBracketRowSpec(lo, up, val, key) for key, lo, up, val in rows),
            key_input,
        )
        for b_code, _name, key_input, _source, rows in rule_set["brackets"]
    }
    parameters = [
        PayrollParameterValue(p_code, Decimal(value), start, end)
        for p_code, _name, value, (start, end), _source in rule_set["parameters"]
    ]
    rules = []
    for data in rule_set["rules"]:
        fields = {k: v for k, v in data.items() if k != "legal_source"}
        fields["base_codes"] = tuple(fields.get("base_codes", ()))
        fields["less_codes"] = tuple(fields.get("less_codes", ()))
        if "bracket" in fields:
            fields["bracket"] = brackets[fields["bracket"]]
        rules.append(PayrollRuleSpec(effective_from=RULES_FROM, **fields))
    return rules, parameters
