"""The payroll rules engine on the shipped rule sets: hand-computed payslips.

Pure Python: no database. 2026 H1 figures: minimum wage (MW) 4,050 lei,
CAS 25%, CASS 10%, income tax 10%, CAM 2.25%, whole lei, half up.
"""

from datetime import date
from decimal import Decimal

import pytest

from accounting.payroll.engine import PayrollInputs, PayrollItem, PayrollRulesError, calculate
from accounting.payroll.shipped import shipped_specs

MARCH = date(2026, 3, 15)
JULY = date(2026, 7, 15)
D = Decimal


def romania(inputs: PayrollInputs, on: date = MARCH):
    rules, parameters = shipped_specs("RO")
    return calculate(rules, parameters, inputs, on)


def amounts(result) -> dict:
    return {line.code: line.amount for line in result.lines}


def test_a_salary_of_6000_with_no_dependants():
    result = romania(PayrollInputs(base_salary=D("6000")))
    lines = amounts(result)
    assert lines["CAS"] == D("1500.00")  # 25% x 6,000
    assert lines["CASS"] == D("600.00")  # 10% x 6,000
    # 6,000 - 4,050 = 1,950 above MW = 39 tranches of 50 -> 20% - 19.5 = 0.5%
    # 0.5% x 4,050 = 20.25 -> 20
    assert lines["PERSONAL_DEDUCTION"] == D("20.00")
    # (6,000 - 1,500 - 600 - 20) x 10% = 388
    assert lines["INCOME_TAX"] == D("388.00")
    assert lines["CAM"] == D("135.00")  # 2.25% x 6,000
    assert "NONTAX" not in lines  # gross above 4,300
    assert result.net == D("3512.00")  # 6,000 - 1,500 - 600 - 388
    assert result.employer_cost == D("6135.00")


def test_a_salary_of_6000_with_two_dependants_rounds_tax_half_up():
    lines = amounts(romania(PayrollInputs(base_salary=D("6000"), dependants=2)))
    # 30% - 19.5 = 10.5% x 4,050 = 425.25 -> 425
    assert lines["PERSONAL_DEDUCTION"] == D("425.00")
    # (6,000 - 2,100 - 425) x 10% = 347.5 -> 348 (half up)
    assert lines["INCOME_TAX"] == D("348.00")


def test_the_minimum_wage_keeps_300_lei_out_of_every_base():
    result = romania(PayrollInputs(base_salary=D("4050")))
    lines = amounts(result)
    assert lines["NONTAX"] == D("300.00")
    assert lines["CAS"] == D("938.00")  # 25% x 3,750 = 937.5 -> 938
    assert lines["CASS"] == D("375.00")  # 10% x 3,750
    assert lines["PERSONAL_DEDUCTION"] == D("810.00")  # 20% x 4,050
    # (3,750 - 938 - 375 - 810) x 10% = 162.7 -> 163
    assert lines["INCOME_TAX"] == D("163.00")
    assert lines["CAM"] == D("84.00")  # 2.25% x 3,750 = 84.375 -> 84
    assert result.net == D("2574.00")  # 4,050 - 938 - 375 - 163
    assert result.minimum_wage_earner


def test_an_hourly_employee_with_overtime_and_night_work():
    hours = {"normal": D("160"), "overtime": D("10"), "night": D("8")}
    result = romania(PayrollInputs(hourly_rate=D("25.00"), hours=hours))
    lines = amounts(result)
    assert lines["NORMAL_HOURS"] == D("4000.00")  # 25 x 160
    assert lines["OVERTIME"] == D("437.50")  # 25 x 10 x 175%
    assert lines["NIGHT"] == D("50.00")  # 25 x 8 x 25%
    assert result.gross == D("4487.50")
    assert lines["CAS"] == D("1122.00")  # 1,121.875 -> 1,122
    assert lines["CASS"] == D("449.00")  # 448.75 -> 449
    # 437.50 above MW = 9 tranches -> 15.5% x 4,050 = 627.75 -> 628
    assert lines["PERSONAL_DEDUCTION"] == D("628.00")
    # (4,487.50 - 1,122 - 449 - 628) x 10% = 228.85 -> 229
    assert lines["INCOME_TAX"] == D("229.00")
    assert lines["CAM"] == D("101.00")  # 100.96875 -> 101
    assert result.net == D("2687.50")


def test_a_young_employee_gets_15_percent_more_deduction():
    lines = amounts(romania(PayrollInputs(base_salary=D("5000"), young_employee=True)))
    # 950 above MW = 19 tranches -> 10.5% x 4,050 = 425.25 -> 425
    assert lines["PERSONAL_DEDUCTION"] == D("425.00")
    assert lines["YOUNG_DEDUCTION"] == D("608.00")  # 15% x 4,050 = 607.5 -> 608
    # (5,000 - 1,250 - 500 - 425 - 608) x 10% = 221.7 -> 222
    assert lines["INCOME_TAX"] == D("222.00")
    assert lines["CAM"] == D("113.00")  # 112.5 -> 113


def test_the_young_deduction_stops_above_minimum_wage_plus_2000():
    lines = amounts(romania(PayrollInputs(base_salary=D("6050.01"), young_employee=True)))
    assert lines["YOUNG_DEDUCTION"] == D("0.00")
    assert lines["PERSONAL_DEDUCTION"] == D("0.00")


def test_an_income_tax_exempt_employee_pays_contributions_only():
    result = romania(PayrollInputs(base_salary=D("6000"), income_tax_exempt=True))
    assert "INCOME_TAX" not in amounts(result)
    assert result.net == D("3900.00")  # 6,000 - 1,500 - 600


def test_july_uses_the_new_minimum_wage():
    lines = amounts(romania(PayrollInputs(base_salary=D("6000")), on=JULY))
    # 6,000 - 4,325 = 1,675 = 34 tranches -> 3% x 4,325 = 129.75 -> 130
    assert lines["PERSONAL_DEDUCTION"] == D("130.00")
    assert lines["INCOME_TAX"] == D("377.00")  # (6,000 - 2,100 - 130) x 10%


def test_extra_items_join_gross_and_deductions():
    inputs = PayrollInputs(
        base_salary=D("6000"),
        extra_earnings=[PayrollItem("BONUS", D("1000.00"), "Bonus")],
        extra_deductions=[PayrollItem("ADVANCE", D("500.00"), "Advance")],
    )
    result = romania(inputs)
    assert result.gross == D("7000.00")
    assert amounts(result)["CAS"] == D("1750.00")
    # tax (7,000 - 1,750 - 700 - 0 deduction) x 10% = 455
    # net 7,000 - 1,750 - 700 - 455 - 500 advance = 3,595
    assert amounts(result)["INCOME_TAX"] == D("455.00")
    assert result.net == D("3595.00")


def test_an_item_may_not_reuse_a_rule_code():
    inputs = PayrollInputs(extra_earnings=[PayrollItem("CAS", D("1.00"))])
    with pytest.raises(PayrollRulesError, match="CAS"):
        romania(inputs)


def test_simple_charges_one_flat_tax_to_the_cent():
    rules, parameters = shipped_specs("SIMPLE")
    result = calculate(rules, parameters, PayrollInputs(base_salary=D("1234.56")), MARCH)
    assert amounts(result)["FLAT_TAX"] == D("246.91")  # 20% x 1,234.56 = 246.912
    assert result.net == D("987.65")
    assert result.employer_cost == result.gross


def test_rules_run_after_the_lines_they_use_whatever_their_order():
    from accounting.payroll.specs import PayrollRuleSpec

    rules = [
        PayrollRuleSpec(
            "TAX",
            "Tax",
            "tax",
            "percentage",
            base_kind="line",
            base_codes=("PAY",),
            rate=D("10"),
            order=1,
        ),
        PayrollRuleSpec(
            "PAY",
            "Pay",
            "earning",
            "base",
            base_kind="input",
            base_codes=("base_salary",),
            order=99,
        ),
    ]
    result = calculate(rules, [], PayrollInputs(base_salary=D("100.05")), MARCH)
    assert [line.code for line in result.lines] == ["PAY", "TAX"]
    assert amounts(result)["TAX"] == D("10.01")  # 10.005 -> 10.01 half up
    assert result.net == D("90.04")


def test_a_cycle_is_named_by_the_engine():
    from accounting.payroll.engine import payroll_rules_order
    from accounting.payroll.specs import PayrollRuleSpec

    rules = [
        PayrollRuleSpec("A", "A", "tax", "base", base_kind="line", base_codes=("B",)),
        PayrollRuleSpec("B", "B", "tax", "base", base_kind="line", base_codes=("A",)),
        PayrollRuleSpec("C", "C", "tax", "fixed", amount=D("1")),
    ]
    with pytest.raises(PayrollRulesError, match="cycle: A, B"):
        payroll_rules_order(rules)
