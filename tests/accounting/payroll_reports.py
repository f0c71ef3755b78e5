"""Helpers for the tests of what follows a payroll calculation: runs and
payslips written directly (hand-computed figures), and a posted run."""

from datetime import date
from decimal import Decimal

from accounting.models.payroll_rules import PayrollRuleSet
from accounting.models.payroll_runs import PayrollRun, Payslip
from accounting.selectors.pay import calendar_month_end
from accounting.services.payroll_rules import payroll_rule_sets_install


def rule_set(code="SIMPLE") -> PayrollRuleSet:
    payroll_rule_sets_install()
    return PayrollRuleSet.objects.get(code=code)


def make_run(*, by, month: date, status=PayrollRun.Status.CALCULATED, **fields) -> PayrollRun:
    return PayrollRun.objects.create(
        period_start=month,
        period_end=calendar_month_end(month),
        pay_date=fields.pop("pay_date", calendar_month_end(month)),
        rule_set=fields.pop("rule_set", None) or rule_set(),
        status=status,
        created_by=by,
        **fields,
    )


def slip(run, employee, *, gross, net, cost=None, contributions="0.00") -> Payslip:
    gross, net = Decimal(gross), Decimal(net)
    return Payslip.objects.create(
        run=run,
        employee=employee,
        department=employee.department,
        gross=gross,
        deductions=gross - net,
        net=net,
        employer_contributions=Decimal(contributions),
        employer_cost=Decimal(cost) if cost is not None else gross + Decimal(contributions),
    )


def posted_run(*, calculator, approver):
    """March 2026 calculated by the real job from `staff()`, approved and posted:
    nets 4000 (salaried), 7040 (hourly), 1920 (joiner), 12960 in all."""
    from accounting.chart import chart_of_accounts_install
    from accounting.services.ledger import fiscal_year_create
    from accounting.services.payroll_runs import (
        payroll_exception_decide,
        payroll_run_approve,
        payroll_run_create,
        payroll_run_post,
    )
    from tests.accounting.test_payroll_runs import calculate, staff

    chart_of_accounts_install()
    fiscal_year_create(by=calculator, start=date(2026, 1, 1))
    people = staff()
    run = payroll_run_create(
        by=calculator, month=date(2026, 3, 1), pay_date=date(2026, 4, 10), rule_set=rule_set()
    )
    run = calculate(run, calculator)
    for exception in run.exceptions.all():
        payroll_exception_decide(by=calculator, exception=exception, excluded=True)
    run = payroll_run_approve(by=approver, run=run)
    payroll_run_post(by=calculator, run=run)
    run.refresh_from_db()
    return run, people
