"""Paying a leaver's final pay is payroll's offboarding item done: marking the run
that holds it paid reports it to HR, once per final pay."""

from datetime import date

import pytest
from django.urls import reverse

from accounting.chart import chart_of_accounts_install
from accounting.models.payroll_runs import FinalPay, PayrollRun
from accounting.services.ledger import fiscal_year_create
from accounting.services.payroll_payments import payroll_run_mark_paid
from accounting.services.payroll_runs import PayrollRunError
from backoffice import events
from hr.models.discipline import OffboardingItem
from hr.services.employees import employee_dismiss
from tests.accounting.payroll_reports import make_run, slip
from tests.factories import EmployeeFactory

MARCH = date(2026, 3, 1)


@pytest.fixture
def reports():
    seen = []

    def spy(sender, **kwargs):
        seen.append((sender, kwargs["employee"].pk, kwargs["item"]))

    events.offboarding_item_done.connect(spy)
    yield seen
    events.offboarding_item_done.disconnect(spy)


@pytest.fixture
def accountant(role_users):
    chart_of_accounts_install()
    fiscal_year_create(by=role_users["accountant"], start=date(2026, 1, 1))
    return role_users["accountant"]


@pytest.fixture
def posted(role_users, accountant):
    """A posted March run paying a leaver's final pay (dismissal event -> FinalPay)
    and a colleague who stays."""
    leaver = EmployeeFactory(hire_date=date(2025, 1, 6))
    staying = EmployeeFactory(hire_date=date(2025, 1, 6))
    employee_dismiss(by=role_users["hr"], employee=leaver, reason="r", last_day=date(2026, 3, 13))
    run = make_run(by=accountant, month=MARCH, status=PayrollRun.Status.POSTED)
    FinalPay.objects.filter(employee=leaver).update(
        payslip=slip(run, leaver, gross="2500.00", net="2000.00")
    )
    slip(run, staying, gross="3000.00", net="2400.00")
    return run, leaver


def final_pay_item(employee) -> OffboardingItem:
    return OffboardingItem.objects.get(termination__employee=employee, task="final_pay")


def test_marking_the_run_paid_ticks_the_final_pay_item_once(posted, accountant, reports):
    run, leaver = posted
    assert final_pay_item(leaver).done_at is None
    run = payroll_run_mark_paid(by=accountant, run=run, paid_on=date(2026, 3, 31))
    item = final_pay_item(leaver)
    assert (item.done_by, item.done_at) == (accountant, run.paid_at)
    assert reports == [(FinalPay, leaver.pk, "final_pay")]

    with pytest.raises(PayrollRunError, match="already marked paid"):
        payroll_run_mark_paid(by=accountant, run=run, paid_on=date(2026, 4, 1))
    assert reports == [(FinalPay, leaver.pk, "final_pay")]
    assert (final_pay_item(leaver).done_by, final_pay_item(leaver).done_at) == (
        accountant,
        run.paid_at,
    )
    # IT's items wait for IT.
    assert not OffboardingItem.objects.filter(
        termination__employee=leaver, department="it", done_at__isnull=False
    ).exists()


def test_a_payment_refused_reports_nothing(posted, accountant, reports):
    run, leaver = posted
    with pytest.raises(PayrollRunError, match="before the period"):
        payroll_run_mark_paid(by=accountant, run=run, paid_on=date(2026, 2, 1))
    assert reports == []
    assert final_pay_item(leaver).done_at is None


def test_a_run_without_final_pay_reports_nothing(accountant, reports):
    run = make_run(by=accountant, month=MARCH, status=PayrollRun.Status.POSTED)
    slip(run, EmployeeFactory(), gross="3000.00", net="2400.00")
    payroll_run_mark_paid(by=accountant, run=run, paid_on=date(2026, 3, 31))
    assert reports == []


def test_marking_paid_on_the_run_page_shows_on_hrs_checklist(
    client, posted, accountant, role_users
):
    run, leaver = posted
    client.force_login(accountant)
    url = reverse("accounting:payrollrun-mark-paid", args=[run.pk])
    assert client.post(url, {"paid_on": "2026-03-31"}).status_code == 302
    client.force_login(role_users["hr"])
    page = client.get(reverse("hr:offboarding-list")).content.decode()
    assert "Done by Payroll / accounting on" in page
    assert "Waiting for Payroll / accounting" not in page
