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


@settings(deadline=None)
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


# Random rule sets: earnings, deductions, taxes and employer contributions with
# random bases, computations, floors, caps and rounding, validated as on save.

CATEGORIES = (EARNING, "employee_deduction", "tax", EMPLOYER_CONTRIBUTION)
rate = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("40"), places=2)


@st.composite
def rule_sets(draw):
    from accounting.payroll.engine import (
        BASE,
        FIXED,
        GROSS,
        HOURS,
        INPUT,
        LINE,
        PERCENTAGE,
        RATE_TIMES_HOURS,
        TAXABLE,
    )
    from accounting.payroll.specs import PayrollRuleSpec

    rules = [
        PayrollRuleSpec(
            "BASIC", "Basic", EARNING, BASE, base_kind=INPUT, base_codes=("base_salary",)
        ),
        PayrollRuleSpec("BONUS", "Bonus", EARNING, FIXED, base_kind=INPUT, amount=draw(money)),
        PayrollRuleSpec(
            "WORK",
            "Hours",
            EARNING,
            RATE_TIMES_HOURS,
            base_kind=HOURS,
            base_codes=("normal", "overtime"),
            rate=draw(st.sampled_from([None, Decimal("150")])),
            order=1,
        ),
    ]
    for n in range(draw(st.integers(1, 6))):
        category = draw(st.sampled_from(CATEGORIES[1:]))
        earlier = [rule.code for rule in rules]
        base_kind = draw(st.sampled_from([GROSS, TAXABLE, LINE]))
        low = draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=500, places=2)))
        high = draw(st.one_of(st.none(), st.decimals(min_value=500, max_value=9000, places=2)))
        rules.append(
            PayrollRuleSpec(
                f"R{n}",
                f"Rule {n}",
                category,
                PERCENTAGE,
                base_kind=base_kind,
                base_codes=(draw(st.sampled_from(earlier)),) if base_kind == LINE else (),
                rate=draw(rate),
                floor=low,
                cap=high,
                rounding_places=draw(st.sampled_from([0, 2])),
                reduces_taxable=category == "employee_deduction" and draw(st.booleans()),
                order=10 + n,
            )
        )
    return tuple(rules)


@settings(deadline=None)
@given(rules=rule_sets(), data=inputs())
def test_any_valid_rule_set_adds_up_to_the_cent(rules, data):
    from hypothesis import assume

    from accounting.payroll.validation import payroll_rules_problems

    assume(not payroll_rules_problems(rules, ()))
    result = calculate(rules, (), data, date(2026, 3, 31))
    places = {rule.code: rule.rounding_places for rule in rules}

    def total(*categories):
        return sum((x.amount for x in result.lines if x.category in categories), Decimal("0"))

    assert result.net == result.gross - result.employee_deductions
    assert result.gross == total(EARNING)
    assert result.employee_deductions == total(*DEDUCTING)
    assert result.employer_cost == result.gross + total(EMPLOYER_CONTRIBUTION)
    for line in result.lines:
        exponent = Decimal(1).scaleb(-places.get(line.code, 2))
        assert line.amount == line.amount.quantize(exponent)
