"""Final pay from the dismissal event, and off-cycle runs that correct an approved
run by the difference (never by editing it). Simple rules: 20% flat tax."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.chart import account_for
from accounting.models.ledger import JournalEntry
from accounting.models.pay import PayItem
from accounting.models.payroll_runs import FinalPay, PayrollRun
from accounting.services.payroll_runs import (
    PayrollRunError,
    payroll_run_approve,
    payroll_run_correction_create,
    payroll_run_create,
    payroll_run_post,
)
from backoffice import roles
from hr.services.employees import employee_dismiss
from tests.accounting.pay import profile
from tests.accounting.test_payroll_runs import (  # noqa: F401  the fixtures
    MARCH,
    _posted,
    approver,
    calculate,
    calculator,
    rule_set,
)
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(calculator):  # noqa: F811
    return payroll_run_create(
        by=calculator, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set()
    )


def test_a_dismissal_records_final_pay_that_the_run_of_the_last_day_pays(run, calculator):  # noqa: F811
    hr = UserFactory(username="final-pay-hr", roles=[roles.HR])
    leaver = EmployeeFactory(hire_date=date(2025, 1, 6))
    stayer = EmployeeFactory()
    profile(leaver, monthly_salary=Decimal("4400.00"))
    profile(stayer, monthly_salary=Decimal("3000.00"))
    # Untaken leave paid out with the last salary, as a one-off earning.
    PayItem.objects.create(
        employee=leaver, kind="earning", code="BONUS", amount=Decimal("500.00"), month=MARCH
    )
    employee_dismiss(
        by=hr, employee=leaver, reason="Repeated warnings ignored", last_day=date(2026, 3, 13)
    )
    final = FinalPay.objects.get(employee=leaver)
    assert final.last_day == date(2026, 3, 13)
    assert final.payslip is None

    run = calculate(run, calculator)
    slips = {slip.employee_id: slip for slip in run.payslips.all()}
    # 10 of 22 working days up to 13 March: 4400 x 10 / 22 = 2000, + 500 leave pay;
    # 20% flat tax on 2500 = 500.
    assert (slips[leaver.pk].gross, slips[leaver.pk].net) == (Decimal("2500.00"), Decimal("2000"))
    assert slips[leaver.pk].is_final
    assert not slips[stayer.pk].is_final
    final.refresh_from_db()
    assert final.payslip == slips[leaver.pk]

    # Calculating again replaces the payslip and links the new one.
    run = calculate(run, calculator)
    final.refresh_from_db()
    assert final.payslip == run.payslips.get(employee=leaver)


def test_the_dismissal_event_repeated_records_one_final_pay(db):
    from accounting.services.payroll_runs import final_pay_record

    leaver = EmployeeFactory()
    first = final_pay_record(employee=leaver, last_day=date(2026, 3, 13), kind="dismissal")
    again = final_pay_record(employee=leaver, last_day=date(2026, 3, 13), kind="dismissal")
    assert first == again
    assert FinalPay.objects.count() == 1


def _approved(run, calculator, approver):  # noqa: F811
    run, entry = _posted(run, calculator, approver)
    return run


def test_a_forgotten_bonus_is_paid_by_an_off_cycle_run_of_the_difference(
    run,
    calculator,  # noqa: F811
    approver,  # noqa: F811
):
    salaried = EmployeeFactory()
    other = EmployeeFactory()
    profile(salaried, monthly_salary=Decimal("5000.00"))
    profile(other, monthly_salary=Decimal("3000.00"))
    run = _approved(run, calculator, approver)
    paid_before = (run.gross, run.net)

    PayItem.objects.create(
        employee=salaried, kind="earning", code="BONUS", amount=Decimal("1000.00"), month=MARCH
    )
    correction = payroll_run_correction_create(
        by=calculator,
        run=run,
        employees=[salaried, other],
        pay_date=date(2026, 4, 20),
        reason="March bonus forgotten",
    )
    assert (correction.kind, correction.corrects, correction.period_start) == (
        PayrollRun.Kind.OFF_CYCLE,
        run,
        MARCH,
    )
    correction = calculate(correction, calculator)
    slips = {slip.employee_id: slip for slip in correction.payslips.all()}
    assert set(slips) == {salaried.pk, other.pk}
    # 1000 more gross, 200 more flat tax, 800 more net; nothing changed for the other.
    bonus = slips[salaried.pk]
    assert (bonus.gross, bonus.deductions, bonus.net) == (
        Decimal("1000.00"),
        Decimal("200.00"),
        Decimal("800.00"),
    )
    assert {line.code: line.amount for line in bonus.lines.all()} == {
        "BONUS": Decimal("1000.00"),
        "FLAT_TAX": Decimal("200.00"),
    }
    assert (slips[other.pk].gross, slips[other.pk].net) == (Decimal("0.00"), Decimal("0.00"))
    assert not slips[other.pk].lines.exists()
    assert (correction.gross, correction.net) == (Decimal("1000.00"), Decimal("800.00"))

    # The corrected run did not change.
    run.refresh_from_db()
    assert (run.gross, run.net) == paid_before
    payroll_run_approve(by=approver, run=correction)
    entry = payroll_run_post(by=calculator, run=correction)
    assert entry.source == JournalEntry.Source.PAYROLL_RUN
    assert sum(line.debit for line in entry.lines.all()) == Decimal("1000.00")
    assert sum(line.credit for line in entry.lines.all()) == Decimal("1000.00")


def test_an_overpaid_salary_is_taken_back_with_the_entry_on_the_other_side(
    run,
    calculator,  # noqa: F811
    approver,  # noqa: F811
):
    overpaid = EmployeeFactory()
    wrong = profile(overpaid, monthly_salary=Decimal("5000.00"))
    run = _approved(run, calculator, approver)
    # The salary was 4500 from 1 March: a new profile from that date.
    profile(overpaid, effective_from=date(2026, 3, 1), monthly_salary=Decimal("4500.00"))
    assert wrong.effective_from < date(2026, 3, 1)

    correction = payroll_run_correction_create(
        by=calculator, run=run, employees=[overpaid], pay_date=date(2026, 4, 20), reason="Raise"
    )
    correction = calculate(correction, calculator)
    slip = correction.payslips.get()
    assert (slip.gross, slip.deductions, slip.net) == (
        Decimal("-500.00"),
        Decimal("-100.00"),
        Decimal("-400.00"),
    )
    payroll_run_approve(by=approver, run=correction)
    entry = payroll_run_post(by=calculator, run=correction)
    sides = {
        line.account.code: (line.debit, line.credit)
        for line in entry.lines.select_related("account")
    }
    assert sides[account_for("salaries_expense").code] == (Decimal("0"), Decimal("500.00"))
    assert sides[account_for("income_tax_payable").code] == (Decimal("100.00"), Decimal("0"))
    assert sides[account_for("salaries_payable").code] == (Decimal("400.00"), Decimal("0"))

    # A second correction counts what the first one already paid back.
    second = payroll_run_correction_create(
        by=calculator, run=run, employees=[overpaid], pay_date=date(2026, 4, 25), reason="Check"
    )
    second = calculate(second, calculator)
    assert second.payslips.get().gross == Decimal("0.00")


def test_a_correction_needs_an_approved_run_people_and_a_reason(run, calculator, approver):  # noqa: F811
    employee = EmployeeFactory()
    profile(employee)
    args = {"by": calculator, "pay_date": date(2026, 4, 20)}
    with pytest.raises(PayrollRunError, match="approved regular"):
        payroll_run_correction_create(run=run, employees=[employee], reason="x", **args)
    run = _approved(run, calculator, approver)
    with pytest.raises(PayrollRunError, match="at least one"):
        payroll_run_correction_create(run=run, employees=[], reason="x", **args)
    with pytest.raises(PayrollRunError, match="why"):
        payroll_run_correction_create(run=run, employees=[employee], reason="  ", **args)
    correction = payroll_run_correction_create(run=run, employees=[employee], reason="x", **args)
    with pytest.raises(PayrollRunError, match="approved regular"):
        payroll_run_correction_create(run=correction, employees=[employee], reason="x", **args)
    assert PayrollRun.objects.filter(kind=PayrollRun.Kind.OFF_CYCLE).count() == 1


def test_the_correction_page_names_unknown_employee_numbers_and_creates_nothing(
    client,
    run,
    calculator,  # noqa: F811
    approver,  # noqa: F811
):
    employee = EmployeeFactory(employee_number="E-777")
    profile(employee)
    run = _approved(run, calculator, approver)
    client.force_login(calculator)
    url = reverse("accounting:payrollrun-correct", args=[run.pk])
    response = client.post(
        url, {"employee_numbers": "E-777, E-404", "pay_date": "2026-04-20", "reason": "Bonus"}
    )
    assert response.status_code == 200
    assert "E-404" in response.content.decode()
    assert not PayrollRun.objects.filter(kind=PayrollRun.Kind.OFF_CYCLE).exists()

    response = client.post(
        url, {"employee_numbers": "E-777", "pay_date": "2026-04-20", "reason": "Bonus"}
    )
    correction = PayrollRun.objects.get(kind=PayrollRun.Kind.OFF_CYCLE)
    assert response.url == reverse("accounting:payrollrun-detail", args=[correction.pk])
    assert list(correction.employees.all()) == [employee]
    page = client.get(response.url).content.decode()
    assert "Off-cycle correction" in page


def test_an_approver_may_not_create_a_correction(client, run, calculator, approver):  # noqa: F811
    profile(EmployeeFactory())
    run = _approved(run, calculator, approver)
    client.force_login(approver)
    response = client.get(reverse("accounting:payrollrun-correct", args=[run.pk]))
    assert response.status_code == 403


def test_a_correction_that_changes_nothing_posts_no_entry(run, calculator, approver):  # noqa: F811
    employee = EmployeeFactory()
    profile(employee)
    run = _approved(run, calculator, approver)
    correction = payroll_run_correction_create(
        by=calculator, run=run, employees=[employee], pay_date=date(2026, 4, 20), reason="Check"
    )
    correction = calculate(correction, calculator)
    payroll_run_approve(by=approver, run=correction)
    assert payroll_run_post(by=calculator, run=correction) is None
    correction.refresh_from_db()
    assert (correction.status, correction.journal_entry) == (PayrollRun.Status.POSTED, None)


def test_deductions_above_earnings_are_an_exception_not_a_payslip(run, calculator):  # noqa: F811
    poor = EmployeeFactory()
    profile(poor, monthly_salary=Decimal("500.00"))
    PayItem.objects.create(
        employee=poor, kind="deduction", code="GARNISHMENT", amount=Decimal("900.00"), month=MARCH
    )
    run = calculate(run, calculator)
    assert not run.payslips.exists()
    exception = run.exceptions.get()
    assert exception.reason == "negative_net"
    # 500 - 100 flat tax - 900 withheld.
    assert "-500.00" in exception.message


def test_a_month_has_one_regular_run(run, calculator):  # noqa: F811
    from django.db import IntegrityError, transaction

    with pytest.raises(PayrollRunError, match="off-cycle"):
        payroll_run_create(
            by=calculator, month=date(2026, 3, 15), pay_date=date(2026, 4, 10), rule_set=rule_set()
        )
    # And the database says so too, whatever writes the row.
    with pytest.raises(IntegrityError), transaction.atomic():
        PayrollRun.objects.create(
            period_start=MARCH,
            period_end=date(2026, 3, 31),
            pay_date=date(2026, 4, 10),
            rule_set=run.rule_set,
            created_by=calculator,
        )
    assert PayrollRun.objects.count() == 1


def test_the_admin_lists_runs_payslips_chunks_and_final_pays(admin_client, run, calculator):  # noqa: F811
    leaver = EmployeeFactory(termination_date=date(2026, 3, 13))
    profile(leaver)
    FinalPay.objects.create(employee=leaver, last_day=date(2026, 3, 13))
    calculate(run, calculator)
    for model in (
        "accounting_payrollrun",
        "accounting_payslip",
        "backoffice_jobchunk",  # the calculation's chunks
        "accounting_finalpay",
    ):
        response = admin_client.get(reverse(f"admin:{model}_changelist"))
        assert response.status_code == 200, model
    page = admin_client.get(reverse("admin:accounting_payslip_changelist")).content.decode()
    assert str(leaver) in page
