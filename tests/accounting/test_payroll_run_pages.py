"""Payroll run pages: create, calculate, approve and post through the pages;
bounded queries whatever the number of payslips; read-only admin."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.models.payroll_runs import PayrollRun, Payslip
from accounting.services.payroll_rules import payroll_rule_sets_install
from accounting.services.payroll_runs import payroll_run_create
from backoffice.models import Job
from backoffice.services import job_run
from tests.accounting.pay import profile
from tests.accounting.test_payroll_runs import staff
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rule_set(db):
    from accounting.models.payroll_rules import PayrollRuleSet

    payroll_rule_sets_install()
    return PayrollRuleSet.objects.get(code="SIMPLE")


def test_a_run_goes_from_creation_to_the_ledger_through_the_pages(client, role_users, rule_set):
    from accounting.chart import chart_of_accounts_install
    from accounting.services.ledger import fiscal_year_create

    chart_of_accounts_install()
    fiscal_year_create(by=role_users["admin"], start=date(2026, 1, 1))
    PayrollRun.objects.all().delete()
    staff()
    client.force_login(role_users["accountant"])
    response = client.post(
        reverse("accounting:payrollrun-create"),
        {"month": "2026-03", "pay_date": "2026-04-10", "rule_set": rule_set.pk},
    )
    assert response.status_code == 302, response.content
    run = PayrollRun.objects.get()
    detail = reverse("accounting:payrollrun-detail", args=[run.pk])
    assert client.post(reverse("accounting:payrollrun-calculate", args=[run.pk])).status_code == 302
    job_run(job_id=Job.objects.get(kind="accounting.payroll_run_calculate").pk)
    run.refresh_from_db()
    assert run.status == "calculated"
    page = client.get(detail).content.decode()
    assert "No pay profile" in page  # every employee without a profile is listed
    for exception in run.exceptions.all():
        client.post(
            reverse("accounting:payrollexception-decide", args=[exception.pk]), {"excluded": "1"}
        )

    client.force_login(role_users["controller"])
    client.post(reverse("accounting:payrollrun-approve", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == "approved"

    client.force_login(role_users["accountant"])
    client.post(reverse("accounting:payrollrun-post", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == "posted" and run.journal_entry is not None
    again = client.post(reverse("accounting:payrollrun-post", args=[run.pk]), follow=True)
    assert "already posted" in again.content.decode()


def test_a_bad_pay_date_is_a_form_error_and_creates_nothing(client, role_users, rule_set):
    client.force_login(role_users["accountant"])
    before = PayrollRun.objects.count()
    response = client.post(
        reverse("accounting:payrollrun-create"),
        {"month": "2026-03", "pay_date": "2026-02-10", "rule_set": rule_set.pk},
    )
    assert response.status_code == 200
    assert "cannot be before" in response.content.decode()
    assert PayrollRun.objects.count() == before


def test_the_run_page_is_bounded_with_more_payslips_than_a_page(
    client, role_users, rule_set, django_assert_max_num_queries
):
    run = payroll_run_create(
        by=role_users["accountant"],
        month=date(2026, 3, 1),
        pay_date=date(2026, 4, 10),
        rule_set=rule_set,
    )
    employees = EmployeeFactory.create_batch(60)
    Payslip.objects.bulk_create(
        Payslip(
            run=run,
            employee=e,
            department_id=e.department_id,
            gross=100,
            deductions=20,
            net=80,
            employer_contributions=0,
            employer_cost=100,
        )
        for e in employees
    )
    client.force_login(role_users["accountant"])
    with django_assert_max_num_queries(20):
        response = client.get(reverse("accounting:payrollrun-detail", args=[run.pk]))
    assert response.status_code == 200
    assert (
        len(re.findall(r'href="/accounting/payroll/payslips/\d+/"', response.content.decode()))
        == 50
    )
    with django_assert_max_num_queries(20):
        assert client.get(reverse("accounting:payrollrun-list")).status_code == 200
    slip = run.payslips.first()
    profile(slip.employee)
    assert client.get(reverse("accounting:payslip-detail", args=[slip.pk])).status_code == 200


def test_payroll_run_models_have_read_only_admin_lists(admin_client, role_users, rule_set):
    payroll_run_create(
        by=role_users["accountant"],
        month=date(2026, 3, 1),
        pay_date=date(2026, 4, 10),
        rule_set=rule_set,
    )
    for model in ("payrollrun", "payslip", "payslipline", "payrollexception"):
        url = reverse(f"admin:accounting_{model}_changelist")
        page = admin_client.get(url, {"q": "a"})
        assert page.status_code == 200, model
    run = PayrollRun.objects.get()
    change = admin_client.get(reverse("admin:accounting_payrollrun_change", args=[run.pk]))
    assert 'name="_save"' not in change.content.decode()
    assert Decimal(run.gross) == Decimal("0")
