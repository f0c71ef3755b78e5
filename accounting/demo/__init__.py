"""Accounting's part of `seed_demo`, on top of HR's people: the ledger, a year of
purchasing and payables, pay inputs and a calculated payroll run."""

from accounting.chart import chart_of_accounts_install
from accounting.demo import ledger, pay, payables, payroll_runs, purchasing
from accounting.services.payroll_rules import payroll_rule_sets_install
from backoffice.registry import Demo, demo_step


@demo_step("accounting.chart", after=["hr.people"])
def _chart(demo: Demo) -> None:
    chart_of_accounts_install()


@demo_step("accounting.ledger", after=["accounting.chart"])
def _ledger(demo: Demo) -> None:
    ledger.seed(by=demo.users["accountant"])


@demo_step("accounting.purchasing", after=["accounting.chart"])
def _purchasing(demo: Demo) -> None:
    purchasing.purchasing_demo_install()


@demo_step("accounting.payables", after=["accounting.ledger", "accounting.purchasing"])
def _payables(demo: Demo) -> None:
    payables.payables_demo_create()


@demo_step("accounting.payroll_rules")
def _payroll_rules(demo: Demo) -> None:
    payroll_rule_sets_install()


@demo_step("accounting.pay", after=["hr.people"])
def _pay(demo: Demo) -> None:
    pay.pay_demo_create()


@demo_step("accounting.payroll_runs", after=["accounting.pay", "accounting.payroll_rules"])
def _payroll_runs(demo: Demo) -> None:
    payroll_runs.payroll_runs_demo_create(by=demo.users["accountant"])


# Last: a real ledger has its old months closed.
@demo_step(
    "accounting.close_periods",
    after=["accounting.ledger", "accounting.payables", "accounting.payroll_runs"],
)
def _close_periods(demo: Demo) -> None:
    ledger.close_old_periods(by=demo.users["accountant"])
