"""Properties of whole payroll runs, through the database, for random people:
every payslip adds up, the run's totals are its payslips' sums, and the posted
entry balances to the cent whatever the amounts."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounting.chart import chart_of_accounts_install
from accounting.models.pay import PayItem
from accounting.models.payroll_rules import PayrollRuleSet
from accounting.models.payroll_runs import PayslipLine
from accounting.payroll.engine import DEDUCTING, EARNING, EMPLOYER_CONTRIBUTION
from accounting.services.ledger import fiscal_year_create
from accounting.services.payroll_runs import (
    payroll_exception_decide,
    payroll_run_approve,
    payroll_run_create,
    payroll_run_post,
)
from tests.accounting.pay import profile
from tests.accounting.test_payroll_runs import (  # noqa: F401  the fixtures
    MARCH,
    approver,
    calculate,
    calculator,
    rule_set,
)
from tests.factories import DepartmentFactory, EmployeeFactory, PositionFactory

pytestmark = pytest.mark.django_db

salary = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("40000"), places=2)
extra = st.decimals(min_value=Decimal("0"), max_value=Decimal("3000"), places=2)
person = st.fixed_dictionaries(
    {
        "salary": salary,
        "dependants": st.integers(0, 4),
        "exempt": st.booleans(),
        "bonus": extra,
        "garnishment": st.decimals(min_value=Decimal("0"), max_value=Decimal("200"), places=2),
        "department": st.integers(0, 2),
    }
)


@pytest.fixture
def books(calculator):  # noqa: F811
    """Chart, open year, rule sets and three departments, once for all examples."""
    chart_of_accounts_install()
    fiscal_year_create(by=calculator, start=date(2026, 1, 1))
    rule_set()
    return [
        PositionFactory(department=DepartmentFactory(code=f"D{n}", name=f"Dept {n}"))
        for n in range(3)
    ]


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(code=st.sampled_from(["RO", "SIMPLE"]), people=st.lists(person, min_size=1, max_size=6))
def test_a_random_run_adds_up_and_posts_a_balanced_entry(
    calculator,  # noqa: F811
    approver,  # noqa: F811
    books,
    code,
    people,
):
    positions = books
    # Each example in a savepoint rolled back at its end.
    with transaction.atomic():
        for data in people:
            employee = EmployeeFactory(position=positions[data["department"]])
            profile(
                employee,
                monthly_salary=data["salary"],
                dependants=data["dependants"],
                tax_exempt=data["exempt"],
            )
            for kind, code_, amount in (
                ("earning", "BONUS", data["bonus"]),
                ("deduction", "GARNISHMENT", data["garnishment"]),
            ):
                if amount:
                    PayItem.objects.create(
                        employee=employee, kind=kind, code=code_, amount=amount, month=MARCH
                    )
        run = payroll_run_create(
            by=calculator,
            month=MARCH,
            pay_date=date(2026, 4, 10),
            rule_set=PayrollRuleSet.objects.get(code=code),
        )
        run = calculate(run, calculator)
        # Whoever would be paid less than nothing is an exception, not a payslip.
        negative = run.exceptions.filter(reason="negative_net")
        assert run.payslips.count() + negative.count() == len(people)
        assert negative.count() == run.exceptions.count()
        for exception in negative:
            payroll_exception_decide(by=calculator, exception=exception, excluded=True)
        for payslip in run.payslips.all():
            lines = PayslipLine.objects.filter(payslip=payslip)

            def total(*categories, lines=lines):
                return lines.filter(category__in=categories).aggregate(t=Sum("amount"))[
                    "t"
                ] or Decimal("0")

            assert payslip.net == payslip.gross - payslip.deductions
            assert payslip.gross == total(EARNING)
            assert payslip.deductions == total(*DEDUCTING)
            assert payslip.employer_cost == payslip.gross + total(EMPLOYER_CONTRIBUTION)
        zero = Decimal("0.00")
        sums = run.payslips.aggregate(g=Sum("gross"), n=Sum("net"), c=Sum("employer_cost"))
        assert (run.gross, run.net, run.employer_cost) == (
            sums["g"] or zero,
            sums["n"] or zero,
            sums["c"] or zero,
        )

        run = payroll_run_approve(by=approver, run=run)
        entry = payroll_run_post(by=calculator, run=run)
        if entry is None:  # everyone was excluded: nothing to post
            assert run.employer_cost == zero
        else:
            lines = entry.lines.aggregate(d=Sum("debit"), c=Sum("credit"))
            assert lines["d"] == lines["c"] == run.employer_cost
        transaction.set_rollback(True)
