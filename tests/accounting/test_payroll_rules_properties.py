"""Properties of the engine on both shipped rule sets, for random inputs."""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from accounting.payroll.engine import (
    DEDUCTING,
    EARNING,
    EMPLOYER_CONTRIBUTION,
    PayrollInputs,
    PayrollItem,
    calculate,
)
from accounting.payroll.shipped import shipped_specs

SPECS = {code: shipped_specs(code) for code in ("RO", "SIMPLE")}
money = st.decimals(min_value=0, max_value=50000, places=2, allow_nan=False)
hours = st.decimals(min_value=0, max_value=250, places=2, allow_nan=False)
items = st.lists(
    st.tuples(st.sampled_from(["X1", "X2", "X3"]), money), max_size=3, unique_by=lambda t: t[0]
)


@st.composite
def inputs(draw):
    return PayrollInputs(
        base_salary=draw(money),
        hourly_rate=draw(st.decimals(min_value=0, max_value=200, places=2)),
        hours={kind: draw(hours) for kind in ("normal", "overtime", "night", "weekend", "holiday")},
        dependants=draw(st.integers(0, 7)),
        income_tax_exempt=draw(st.booleans()),
        young_employee=draw(st.booleans()),
        extra_earnings=[PayrollItem(f"E{c}", a) for c, a in draw(items)],
        extra_deductions=[PayrollItem(f"D{c}", a) for c, a in draw(items)],
    )


@settings(max_examples=150, deadline=None)
@given(
    code=st.sampled_from(["RO", "SIMPLE"]),
    data=inputs(),
    on=st.dates(date(2026, 1, 1), date(2026, 12, 31)),
)
def test_every_payslip_adds_up(code, data, on):
    rules, parameters = SPECS[code]
    result = calculate(rules, parameters, data, on)
    places = {rule.code: rule.rounding_places for rule in rules}

    def total(*categories):
        return sum((x.amount for x in result.lines if x.category in categories), Decimal("0"))

    assert result.net == result.gross - result.employee_deductions
    assert result.gross == total(EARNING)
    assert result.employee_deductions == total(*DEDUCTING)
    assert result.employer_cost == result.gross + total(EMPLOYER_CONTRIBUTION)
    for line in result.lines:
        assert line.amount >= 0
        exponent = Decimal(1).scaleb(-places.get(line.code, 2))
        assert line.amount == line.amount.quantize(exponent)
        assert line.amount.as_tuple().exponent == -2
