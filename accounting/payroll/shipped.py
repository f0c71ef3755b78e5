"""The two rule sets the product ships, as plain data.

The data migration `0012_payroll_rules` writes them to the database, where
accountants edit them; the engine tests read them from here to prove the
arithmetic without a database. Figures whose legal basis should be checked
again say so in their `legal_source`.
"""

from datetime import date
from decimal import Decimal

from accounting.payroll.engine import (
    PayrollBracketRowSpec,
    PayrollBracketSpec,
    PayrollParameterValue,
    PayrollRuleSpec,
)

VERIFY = " Verify against the law in force."
H1 = (date(2026, 1, 1), date(2026, 6, 30))
H2 = (date(2026, 7, 1), None)
YEAR = (date(2026, 1, 1), None)
CODUL_FISCAL = "Legea 227/2015 privind Codul fiscal"

ROMANIA_PARAMETERS = [
    # code, name, value, (from, to), legal source
    (
        "MIN_WAGE",
        "Minimum gross wage (full time, monthly)",
        "4050",
        H1,
        "HG privind stabilirea salariului de bază minim brut pe țară garantat în plată "
        "(4,050 lei from 1 January 2026)." + VERIFY,
    ),
    (
        "MIN_WAGE",
        "Minimum gross wage (full time, monthly)",
        "4325",
        H2,
        "HG privind stabilirea salariului de bază minim brut pe țară garantat în plată "
        "(4,325 lei from 1 July 2026)." + VERIFY,
    ),
    (
        "CAS_RATE",
        "CAS: employee pension contribution (%)",
        "25",
        YEAR,
        CODUL_FISCAL + ", art. 138 lit. a).",
    ),
    (
        "CASS_RATE",
        "CASS: employee health contribution (%)",
        "10",
        YEAR,
        CODUL_FISCAL + ", art. 156.",
    ),
    (
        "INCOME_TAX_RATE",
        "Income tax on salaries (%)",
        "10",
        YEAR,
        CODUL_FISCAL + ", art. 64 alin. (1).",
    ),
    (
        "CAM_RATE",
        "CAM: employer work insurance contribution (%)",
        "2.25",
        YEAR,
        CODUL_FISCAL + ", art. 220^3.",
    ),
    (
        "NONTAX_AMOUNT",
        "Non-taxable amount for minimum-wage earners",
        "300",
        H1,
        "Codul fiscal art. 138^2, 154, 220^6 as extended for 2026 (300 lei)." + VERIFY,
    ),
    (
        "NONTAX_AMOUNT",
        "Non-taxable amount for minimum-wage earners",
        "300",
        H2,
        "Value from July 2026 not settled: 300 lei kept until confirmed." + VERIFY,
    ),
    (
        "NONTAX_GROSS_CAP",
        "Highest gross that keeps the non-taxable amount",
        "4300",
        H1,
        "Codul fiscal, facility for the minimum wage: gross up to 4,300 lei." + VERIFY,
    ),
    (
        "NONTAX_GROSS_CAP",
        "Highest gross that keeps the non-taxable amount",
        "4300",
        H2,
        "Value from July 2026 not settled: 4,300 lei kept until confirmed." + VERIFY,
    ),
    (
        "OVERTIME_RATE",
        "Overtime pay (% of the hourly rate)",
        "175",
        YEAR,
        "Legea 53/2003 Codul muncii, art. 123 alin. (2): at least 75% extra.",
    ),
    (
        "NIGHT_SUPPLEMENT",
        "Night work supplement (% of the hourly rate)",
        "25",
        YEAR,
        "Legea 53/2003 Codul muncii, art. 126: at least 25% extra.",
    ),
    (
        "WEEKEND_RATE",
        "Weekend work pay (% of the hourly rate)",
        "200",
        YEAR,
        "Company policy / collective agreement (+100%)." + VERIFY,
    ),
    (
        "HOLIDAY_RATE",
        "Public holiday work pay (% of the hourly rate)",
        "200",
        YEAR,
        "Legea 53/2003 Codul muncii, art. 142 alin. (2): at least 100% extra.",
    ),
]

PERSONAL_DEDUCTION_SOURCE = (
    CODUL_FISCAL + ", art. 77 as amended by Legea 296/2023: for gross up to the minimum "
    "wage + 2,000 lei, 20/25/30/35/45% of the minimum wage for 0/1/2/3/4+ dependants, "
    "less 0.5 percentage points per 50-lei tranche (or part) above the minimum wage."
)
YOUNG_DEDUCTION_SOURCE = (
    CODUL_FISCAL + ", art. 77: an additional 15% of the minimum wage for employees under "
    "26 with gross up to the minimum wage + 2,000 lei." + VERIFY
)


def personal_deduction_rows():
    """Rows over (gross - minimum wage): [0, 0], [0.01, 50], ... [1,950.01, 2,000]."""
    rows = []
    for dependants, percent in ((0, 20), (1, 25), (2, 30), (3, 35), (4, 45)):
        rows.append((dependants, Decimal("0.00"), Decimal("0.00"), Decimal(percent)))
        for tranche in range(1, 41):
            value = Decimal(percent) - Decimal("0.5") * tranche
            lower = Decimal(50 * (tranche - 1)) + Decimal("0.01")
            rows.append((dependants, lower, Decimal(50 * tranche), max(value, Decimal("0"))))
    return rows


ROMANIA_BRACKETS = [
    # code, name, key input, legal source, rows (key, lower, upper, value)
    (
        "PERSONAL_DEDUCTION",
        "Personal deduction (% of the minimum wage)",
        "dependants",
        PERSONAL_DEDUCTION_SOURCE,
        personal_deduction_rows(),
    ),
    (
        "YOUNG_DEDUCTION",
        "Young employee deduction (% of the minimum wage)",
        "young_employee",
        YOUNG_DEDUCTION_SOURCE,
        [(1, Decimal("0.00"), Decimal("2000.00"), Decimal("15"))],
    ),
]


def _rule(code, name, category, order, computation, **fields):
    return {
        "code": code,
        "name": name,
        "category": category,
        "order": order,
        "computation": computation,
        **fields,
    }


ROMANIA_RULES = [
    _rule(
        "SALARY",
        "Base salary",
        "earning",
        10,
        "base",
        base_kind="input",
        base_codes=["base_salary"],
    ),
    _rule(
        "NORMAL_HOURS",
        "Hours worked",
        "earning",
        20,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["normal"],
        rate=Decimal("100"),
    ),
    _rule(
        "OVERTIME",
        "Overtime",
        "earning",
        30,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["overtime"],
        rate_parameter="OVERTIME_RATE",
        legal_source="Codul muncii, art. 123.",
    ),
    _rule(
        "NIGHT",
        "Night work supplement",
        "earning",
        40,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["night"],
        rate_parameter="NIGHT_SUPPLEMENT",
        legal_source="Codul muncii, art. 126.",
    ),
    _rule(
        "WEEKEND",
        "Weekend work",
        "earning",
        50,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["weekend"],
        rate_parameter="WEEKEND_RATE",
    ),
    _rule(
        "HOLIDAY",
        "Public holiday work",
        "earning",
        60,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["holiday"],
        rate_parameter="HOLIDAY_RATE",
        legal_source="Codul muncii, art. 142.",
    ),
    _rule(
        "NONTAX",
        "Non-taxable amount (minimum wage)",
        "info",
        100,
        "fixed",
        amount_parameter="NONTAX_AMOUNT",
        reduces_taxable=True,
        gross_from_parameter="MIN_WAGE",
        gross_to_parameter="NONTAX_GROSS_CAP",
        rounding_places=0,
        legal_source="Codul fiscal, minimum-wage facility." + VERIFY,
    ),
    _rule(
        "CAS",
        "CAS pension contribution 25%",
        "employee_deduction",
        110,
        "percentage",
        base_kind="taxable",
        rate_parameter="CAS_RATE",
        rounding_places=0,
        legal_source=CODUL_FISCAL + ", art. 138, 139, 146.",
    ),
    _rule(
        "CASS",
        "CASS health contribution 10%",
        "employee_deduction",
        120,
        "percentage",
        base_kind="taxable",
        rate_parameter="CASS_RATE",
        rounding_places=0,
        legal_source=CODUL_FISCAL + ", art. 156, 157, 168.",
    ),
    _rule(
        "PERSONAL_DEDUCTION",
        "Personal deduction",
        "info",
        130,
        "bracket_table",
        base_kind="gross",
        base_offset_parameter="MIN_WAGE",
        rate_parameter="MIN_WAGE",
        bracket="PERSONAL_DEDUCTION",
        rounding_places=0,
        legal_source=PERSONAL_DEDUCTION_SOURCE,
    ),
    _rule(
        "YOUNG_DEDUCTION",
        "Young employee deduction",
        "info",
        140,
        "bracket_table",
        base_kind="gross",
        base_offset_parameter="MIN_WAGE",
        rate_parameter="MIN_WAGE",
        bracket="YOUNG_DEDUCTION",
        rounding_places=0,
        legal_source=YOUNG_DEDUCTION_SOURCE,
    ),
    _rule(
        "INCOME_TAX",
        "Income tax 10%",
        "tax",
        150,
        "percentage",
        base_kind="taxable",
        less_codes=["CAS", "CASS", "PERSONAL_DEDUCTION", "YOUNG_DEDUCTION"],
        rate_parameter="INCOME_TAX_RATE",
        rounding_places=0,
        unless_flag="income_tax_exempt",
        legal_source=CODUL_FISCAL + ", art. 64, 76, 78.",
    ),
    _rule(
        "CAM",
        "CAM work insurance contribution 2.25%",
        "employer_contribution",
        200,
        "percentage",
        base_kind="taxable",
        rate_parameter="CAM_RATE",
        rounding_places=0,
        legal_source=CODUL_FISCAL + ", art. 220^3, 220^4.",
    ),
]

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
    _rule("SALARY", "Salary", "earning", 10, "base", base_kind="input", base_codes=["base_salary"]),
    _rule(
        "HOURS",
        "Hours worked",
        "earning",
        20,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["normal", "overtime", "night", "weekend", "holiday"],
        rate=Decimal("100"),
    ),
    _rule(
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
