"""The Romanian rule set the product ships (2026), as plain data.

Figures whose legal basis should be checked again say so in their
`legal_source`; `shipped` lists this set beside the simple one.
"""

from datetime import date
from decimal import Decimal

from accounting.payroll.specs import rule_data

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


ROMANIA_RULES = [
    rule_data(
        "SALARY",
        "Base salary",
        "earning",
        10,
        "base",
        base_kind="input",
        base_codes=["base_salary"],
    ),
    rule_data(
        "NORMAL_HOURS",
        "Hours worked",
        "earning",
        20,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["normal"],
        rate=Decimal("100"),
    ),
    rule_data(
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
    rule_data(
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
    rule_data(
        "WEEKEND",
        "Weekend work",
        "earning",
        50,
        "rate_times_hours",
        base_kind="hours",
        base_codes=["weekend"],
        rate_parameter="WEEKEND_RATE",
    ),
    rule_data(
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
    rule_data(
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
    rule_data(
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
    rule_data(
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
    rule_data(
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
    rule_data(
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
    rule_data(
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
    rule_data(
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
