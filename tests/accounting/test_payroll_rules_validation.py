"""Saving payroll rules and parameters checks the whole set; the shipped sets."""

from datetime import date
from decimal import Decimal

import pytest

from accounting.models.payroll_rules import PayrollParameter, PayrollRule, PayrollRuleSet
from accounting.payroll.engine import PayrollInputs
from accounting.payroll.specs import PayrollBracketRowSpec, PayrollBracketSpec
from accounting.payroll.validation import payroll_bracket_problems
from accounting.selectors.payroll_rules import payroll_rule_set_calculate
from accounting.services.payroll_rules import (
    PayrollRuleError,
    payroll_parameter_create,
    payroll_parameter_update,
    payroll_rule_create,
    payroll_rule_sets_install,
    payroll_rule_update,
)

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def romania():
    payroll_rule_sets_install()  # a flush by a transactional test removes them
    return PayrollRuleSet.objects.get(code="RO")


@pytest.fixture
def simple():
    payroll_rule_sets_install()
    return PayrollRuleSet.objects.get(code="SIMPLE")


def _rule(**fields):
    base = {
        "code": "BONUS_TAX",
        "name": "Bonus tax",
        "category": "tax",
        "effective_from": date(2026, 1, 1),
        "base_kind": "gross",
        "computation": "percentage",
        "rate": D("1"),
    }
    return base | fields


def test_the_migrated_romania_set_computes_the_hand_checked_payslip(romania):
    result = payroll_rule_set_calculate(
        rule_set=romania, inputs=PayrollInputs(base_salary=D("4050")), on=date(2026, 3, 1)
    )
    # 4,050 - CAS 938 - CASS 375 - tax 163 (see test_payroll_rules_engine)
    assert result.net == D("2574.00")
    assert result.employer_cost == D("4134.00")


def test_every_romanian_parameter_names_its_legal_source(romania):
    assert not romania.parameters.filter(legal_source="").exists()
    july = romania.parameters.get(code="NONTAX_AMOUNT", effective_from=date(2026, 7, 1))
    assert "Verify against the law in force" in july.legal_source


def test_a_rule_is_refused_when_it_names_an_unknown_base(romania, accountant):
    with pytest.raises(PayrollRuleError, match="unknown rule 'NOPE'"):
        payroll_rule_create(
            by=accountant, rule_set=romania, **_rule(base_kind="line", base_codes=["NOPE"])
        )
    assert not PayrollRule.objects.filter(code="BONUS_TAX").exists()


def test_a_rule_is_refused_when_it_uses_an_unknown_parameter(simple, accountant):
    with pytest.raises(PayrollRuleError, match="unknown parameter 'MISSING'"):
        payroll_rule_create(
            by=accountant, rule_set=simple, **_rule(rate=None, rate_parameter="MISSING")
        )


def test_a_cycle_between_rules_is_refused_with_their_codes(simple, accountant):
    payroll_rule_create(
        by=accountant, rule_set=simple, **_rule(base_kind="line", base_codes=["FLAT_TAX"])
    )
    tax = simple.rules.get(code="FLAT_TAX")
    with pytest.raises(PayrollRuleError, match="cycle: BONUS_TAX, FLAT_TAX"):
        payroll_rule_update(by=accountant, rule=tax, base_kind="line", base_codes=["BONUS_TAX"])
    tax.refresh_from_db()
    assert tax.base_kind == "gross"


def test_an_earning_based_on_gross_is_a_cycle(simple, accountant):
    with pytest.raises(PayrollRuleError, match="cycle"):
        payroll_rule_create(by=accountant, rule_set=simple, **_rule(category="earning"))


def test_a_percentage_without_a_rate_is_refused(simple, accountant):
    with pytest.raises(PayrollRuleError, match="A percentage needs a rate"):
        payroll_rule_create(by=accountant, rule_set=simple, **_rule(rate=None))


def test_two_versions_of_a_rule_may_not_overlap(simple, accountant):
    with pytest.raises(PayrollRuleError, match="Rule FLAT_TAX: the range from 2026-03-01 overlaps"):
        payroll_rule_create(
            by=accountant,
            rule_set=simple,
            **_rule(code="FLAT_TAX", effective_from=date(2026, 3, 1)),
        )


def test_overlapping_parameter_ranges_are_refused(romania, accountant):
    with pytest.raises(PayrollRuleError, match="Parameter MIN_WAGE: the range from 2026-06-01"):
        payroll_parameter_create(
            by=accountant,
            rule_set=romania,
            code="MIN_WAGE",
            name="Minimum wage",
            value=D("4100"),
            effective_from=date(2026, 6, 1),
            effective_to=date(2026, 6, 30),
        )
    assert romania.parameters.filter(code="MIN_WAGE").count() == 2


def test_a_parameter_change_is_kept_in_its_history(romania, accountant):
    parameter = romania.parameters.get(code="CAS_RATE")
    payroll_parameter_update(by=accountant, parameter=parameter, value=D("26"))
    parameter.refresh_from_db()
    assert parameter.value == D("26")
    latest = parameter.history.first()
    assert latest.history_user == accountant
    assert latest.value == D("26")
    assert latest.history_type == "~"


def test_a_parameter_ending_before_it_starts_is_refused(simple, accountant):
    parameter = PayrollParameter.objects.get(rule_set=simple, code="FLAT_TAX_RATE")
    with pytest.raises(PayrollRuleError, match="end comes before the start"):
        payroll_parameter_update(by=accountant, parameter=parameter, effective_to=date(1999, 1, 1))


def test_a_bracket_table_with_a_gap_or_overlap_is_reported():
    rows = (
        PayrollBracketRowSpec(D("0.00"), D("100.00"), D("1")),
        PayrollBracketRowSpec(D("100.02"), D("200.00"), D("2")),
        PayrollBracketRowSpec(D("150.00"), None, D("3")),
    )
    problems = payroll_bracket_problems(PayrollBracketSpec("T", rows))
    assert any("gap between 100.00 and 100.02" in p for p in problems)
    assert any("overlaps the next row (150.00)" in p for p in problems)


def test_the_shipped_bracket_tables_have_no_gaps(romania):
    from accounting.selectors.payroll_rules import payroll_bracket_spec

    for table in romania.bracket_tables.prefetch_related("rows"):
        assert payroll_bracket_problems(payroll_bracket_spec(table)) == []


def test_installing_the_shipped_sets_twice_creates_them_once(romania):
    assert payroll_rule_sets_install() == 0
    assert PayrollRuleSet.objects.filter(code__in=["RO", "SIMPLE"]).count() == 2
    assert romania.rules.count() == 13
