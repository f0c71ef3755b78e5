"""Payroll runs: calculation (idempotent, bounded queries per chunk), exceptions,
approval by a second person and posting as one balanced entry."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from accounting.chart import account_for, chart_of_accounts_install
from accounting.models.ledger import JournalEntry
from accounting.models.payroll_rules import PayrollRuleSet
from accounting.models.payroll_runs import PayrollException, PayrollRun, Payslip
from accounting.payroll.engine import HOUR_KINDS
from accounting.selectors.payroll_rules import payroll_rule_set_specs
from accounting.services.ledger import fiscal_year_create
from accounting.services.payroll_calculation import payroll_run_calculate_chunk
from accounting.services.payroll_rules import payroll_rule_sets_install
from accounting.services.payroll_runs import (
    PayrollRunError,
    payroll_exception_decide,
    payroll_run_approve,
    payroll_run_calculate,
    payroll_run_create,
    payroll_run_post,
)
from backoffice import roles
from backoffice.calendar import working_dates, working_days
from backoffice.models import Job
from backoffice.services import job_run
from tests.accounting.pay import profile, timesheet
from tests.factories import DepartmentFactory, EmployeeFactory, PositionFactory, UserFactory

pytestmark = pytest.mark.django_db

MARCH = date(2026, 3, 1)


@pytest.fixture
def calculator(db):
    return UserFactory(username="payroll-accountant", roles=[roles.ACCOUNTANT])


@pytest.fixture
def approver(db):
    return UserFactory(username="payroll-approver", roles=[roles.PAYROLL_APPROVER])


def rule_set(code="SIMPLE"):
    payroll_rule_sets_install()
    return PayrollRuleSet.objects.get(code=code)


def staff():
    """Salaried (5000), hourly (50/h, approved timesheet), a joiner on 16 March
    (4400 pro rata) and one without a pay profile."""
    sales = PositionFactory(department=DepartmentFactory(code="SAL", name="Sales"))
    ops = PositionFactory(department=DepartmentFactory(code="OPS", name="Operations"))
    salaried = EmployeeFactory(position=sales)
    profile(salaried, monthly_salary=Decimal("5000.00"))
    hourly = EmployeeFactory(position=ops)
    profile(hourly, pay_type="hourly", monthly_salary=None, hourly_rate=Decimal("50.00"))
    timesheet(hourly, month=MARCH, status="approved")
    joiner = EmployeeFactory(position=sales, hire_date=date(2026, 3, 16))
    profile(joiner, effective_from=date(2026, 3, 16), monthly_salary=Decimal("4400.00"))
    missing = EmployeeFactory(position=ops)
    return salaried, hourly, joiner, missing


def calculate(run, by):
    job = payroll_run_calculate(by=by, run=run)
    job = job_run(job_id=job.pk)
    assert job.status == Job.Status.SUCCEEDED, job.error
    run.refresh_from_db()
    return run


@pytest.fixture
def run(calculator):
    return payroll_run_create(
        by=calculator, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set()
    )


def test_a_run_pays_salaried_hourly_and_joiners_and_flags_a_missing_profile(run, calculator):
    salaried, hourly, joiner, missing = staff()
    assert working_days(date(2026, 3, 1), date(2026, 3, 31)) == 22
    run = calculate(run, calculator)

    assert run.status == PayrollRun.Status.CALCULATED
    slips = {slip.employee_id: slip for slip in run.payslips.all()}
    assert set(slips) == {salaried.pk, hourly.pk, joiner.pk}
    # 5000 - 20% flat tax.
    assert (slips[salaried.pk].gross, slips[salaried.pk].net) == (Decimal("5000"), Decimal("4000"))
    # 22 days x 8 h x 50.
    assert (slips[hourly.pk].gross, slips[hourly.pk].net) == (Decimal("8800"), Decimal("7040"))
    # 12 of 22 working days from 16 March: 4400 x 12 / 22.
    assert (slips[joiner.pk].gross, slips[joiner.pk].net) == (Decimal("2400"), Decimal("1920"))
    assert slips[joiner.pk].lines.get(code="SALARY").amount == Decimal("2400.00")
    assert (run.gross, run.deductions, run.net, run.employer_cost) == (
        Decimal("16200.00"),
        Decimal("3240.00"),
        Decimal("12960.00"),
        Decimal("16200.00"),
    )
    (exception,) = run.exceptions.all()
    assert (exception.employee, exception.reason) == (missing, "no_pay_profile")


def test_an_hourly_employee_without_an_approved_timesheet_is_an_exception(run, calculator):
    worker = EmployeeFactory()
    profile(worker, pay_type="hourly", monthly_salary=None, hourly_rate=Decimal("50.00"))
    timesheet(worker, month=MARCH, status="submitted")
    run = calculate(run, calculator)
    assert not run.payslips.exists()
    assert run.exceptions.get().reason == PayrollException.Reason.UNAPPROVED_TIMESHEET


def test_calculating_again_gives_the_same_payslips_once_per_employee(run, calculator):
    staff()
    run = calculate(run, calculator)
    first = sorted(run.payslips.values_list("employee_id", "gross", "net", "employer_cost"))
    run = calculate(run, calculator)
    assert sorted(run.payslips.values_list("employee_id", "gross", "net", "employer_cost")) == first
    assert run.payslips.count() == 3
    assert run.exceptions.count() == 1


def test_the_database_refuses_a_second_payslip_for_an_employee(run, calculator):
    staff()
    run = calculate(run, calculator)
    slip = run.payslips.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Payslip.objects.create(
            run=run,
            employee=slip.employee,
            gross=1,
            deductions=0,
            net=1,
            employer_contributions=0,
            employer_cost=1,
        )


def test_starting_a_calculation_twice_starts_one_job(run, calculator):
    payroll_run_calculate(by=calculator, run=run)
    with pytest.raises(PayrollRunError):
        payroll_run_calculate(by=calculator, run=run)
    assert Job.objects.filter(kind="accounting.payroll_run_calculate").count() == 1


def test_a_chunk_reads_in_a_fixed_number_of_queries(run):
    rules, parameters = payroll_rule_set_specs(run.rule_set)
    days = working_dates(run.period_start, run.period_end)

    def queries_for(count):
        ids = []
        for n in range(count):
            employee = EmployeeFactory()
            if n % 2:
                profile(employee, pay_type="hourly", monthly_salary=None, hourly_rate=Decimal("40"))
                timesheet(employee, month=MARCH, status="approved")
            else:
                profile(employee)
            ids.append(employee.pk)
        with CaptureQueriesContext(connection) as captured:
            payroll_run_calculate_chunk(
                run=run, employee_ids=ids, rules=rules, parameters=parameters, days=days
            )
        assert run.payslips.filter(employee_id__in=ids).count() == count
        return len(captured)

    assert queries_for(2) == queries_for(12)


def test_approval_needs_another_person_and_no_open_exceptions(run, calculator, approver):
    staff()
    both = UserFactory(roles=[roles.ACCOUNTANT, roles.PAYROLL_APPROVER])
    run = calculate(run, both)
    with pytest.raises(PayrollRunError, match="someone other"):
        payroll_run_approve(by=both, run=run)
    with pytest.raises(PayrollRunError, match="exception"):
        payroll_run_approve(by=approver, run=run)
    run.refresh_from_db()
    assert run.status == PayrollRun.Status.CALCULATED

    payroll_exception_decide(by=calculator, exception=run.exceptions.get(), excluded=True)
    run = payroll_run_approve(by=approver, run=run)
    assert (run.status, run.approved_by) == (PayrollRun.Status.APPROVED, approver)

    with pytest.raises(PayrollRunError, match="approved"):
        payroll_run_calculate(by=calculator, run=run)
    with pytest.raises(PayrollRunError):
        payroll_exception_decide(by=calculator, exception=run.exceptions.get(), excluded=False)
    assert run.payslips.count() == 3


def test_an_approver_without_the_permission_is_refused(run, calculator):
    staff()
    run = calculate(run, calculator)
    other = UserFactory(roles=[roles.ACCOUNTANT])
    with pytest.raises(PayrollRunError, match="may not"):
        payroll_run_approve(by=other, run=run)


def _posted(run, calculator, approver):
    chart_of_accounts_install()
    fiscal_year_create(by=calculator, start=date(2026, 1, 1))
    run = calculate(run, calculator)
    for exception in run.exceptions.all():
        payroll_exception_decide(by=calculator, exception=exception, excluded=False)
    run = payroll_run_approve(by=approver, run=run)
    return run, payroll_run_post(by=calculator, run=run)


def test_posting_makes_one_balanced_entry_by_department(run, calculator, approver):
    staff()
    run, entry = _posted(run, calculator, approver)
    assert (entry.source, entry.source_key) == ("payroll_run", f"payroll-run:{run.pk}")
    lines = list(entry.lines.select_related("account", "department"))
    assert sum(line.debit for line in lines) == sum(line.credit for line in lines)
    salaries = {
        line.department.code: line.debit
        for line in lines
        if line.account == account_for("salaries_expense")
    }
    assert salaries == {"SAL": Decimal("7400.00"), "OPS": Decimal("8800.00")}
    credits = {line.account.code: line.credit for line in lines if line.credit}
    assert credits == {
        account_for("income_tax_payable").code: Decimal("3240.00"),
        account_for("salaries_payable").code: Decimal("12960.00"),
    }
    run.refresh_from_db()
    assert (run.status, run.journal_entry) == (PayrollRun.Status.POSTED, entry)
    with pytest.raises(PayrollRunError, match="already posted"):
        payroll_run_post(by=calculator, run=run)
    assert JournalEntry.objects.filter(source="payroll_run").count() == 1


def test_romanian_contributions_go_to_their_payables(calculator, approver):
    run = payroll_run_create(
        by=calculator, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set("RO")
    )
    employee = EmployeeFactory()
    profile(employee, monthly_salary=Decimal("6000.00"))
    run, entry = _posted(run, calculator, approver)
    slip = run.payslips.get()
    by_code = {line.code: line.amount for line in slip.lines.all()}
    credits = {}
    for line in entry.lines.select_related("account"):
        credits[line.account.code] = credits.get(line.account.code, 0) + line.credit
    assert credits[account_for("pension_payable").code] == by_code["CAS"]
    assert credits[account_for("health_payable").code] == by_code["CASS"]
    assert credits[account_for("income_tax_payable").code] == by_code["INCOME_TAX"]
    assert credits[account_for("work_insurance_payable").code] == by_code["CAM"]
    assert credits[account_for("salaries_payable").code] == slip.net
    assert sum(line.debit for line in entry.lines.all()) == slip.employer_cost
    assert set(HOUR_KINDS) >= {"normal", "overtime"}


def test_a_leaver_is_paid_pro_rata_and_overtime_hours_are_paid(run, calculator):
    from accounting.models.pay import Timesheet, TimesheetDay

    leaver = EmployeeFactory(termination_date=date(2026, 3, 13))
    profile(leaver, monthly_salary=Decimal("4400.00"))
    hourly = EmployeeFactory()
    profile(hourly, pay_type="hourly", monthly_salary=None, hourly_rate=Decimal("50.00"))
    sheet = timesheet(hourly, month=MARCH)
    TimesheetDay.objects.filter(timesheet=sheet, date=date(2026, 3, 2)).update(
        overtime=Decimal("4")
    )
    Timesheet.objects.filter(pk=sheet.pk).update(status="approved")
    run = calculate(run, calculator)
    slips = {slip.employee_id: slip for slip in run.payslips.all()}
    # 10 of 22 working days up to 13 March: 4400 x 10 / 22.
    assert slips[leaver.pk].gross == Decimal("2000.00")
    # (176 normal + 4 overtime hours) x 50.
    assert slips[hourly.pk].gross == Decimal("9000.00")


def test_payroll_lines_say_what_they_are_in_the_posting_users_language(calculator, approver):
    from django.utils import translation

    run = payroll_run_create(
        by=calculator, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set("RO")
    )
    profile(EmployeeFactory(), monthly_salary=Decimal("6000.00"))
    with translation.override("ro"):
        run, entry = _posted(run, calculator, approver)
    described = {
        line.account.code: line.description for line in entry.lines.select_related("account")
    }
    assert not any("_" in text for text in described.values())
    assert (
        described[account_for("health_payable").code]
        == "Contribuția de asigurări de sănătate (CASS) reținută"
    )
    assert described[account_for("pension_payable").code] == "Contribuția la pensie (CAS) reținută"
