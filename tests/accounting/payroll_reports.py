"""Helpers for the tests of what follows a payroll calculation: runs and
payslips written directly (hand-computed figures), and a posted run."""

from datetime import date
from decimal import Decimal

from accounting.models import PayrollRuleSet, PayrollRun, Payslip
from accounting.selectors.pay import calendar_month_end
from accounting.services import payroll_rule_sets_install


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
