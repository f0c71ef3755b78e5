"""Payslip documents: the PDF and its figures, year-to-date sums, and the job
that stores each PDF and emails it once (run twice, or after a killed worker)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounting.models.payroll_runs import PayrollRun, Payslip, PayslipLine
from accounting.selectors.payslips import (
    my_year_to_date,
    payslip_year_to_date,
    payslips_year_to_date,
)
from accounting.services.payroll_runs import payroll_run_approve, payroll_run_create
from accounting.services.payslip_documents import (
    DOCUMENTS_CHUNK,
    PayslipDocumentsError,
    payslip_documents_chunk,
    payslip_documents_start,
    payslip_pdf,
    payslip_pdf_html,
)
from backoffice.models import Job
from backoffice.services import job_run
from tests.accounting.test_payroll_runs import calculate, rule_set, staff
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

D = Decimal


def approved_run(calculator, approver, month=date(2026, 3, 1)):
    run = payroll_run_create(
        by=calculator, month=month, pay_date=date(2026, 4, 10), rule_set=rule_set()
    )
    run = calculate(run, calculator)
    run.exceptions.update(excluded=True)
    return payroll_run_approve(by=approver, run=run)


def made_run(by, month, status, pay_date=None):
    run = payroll_run_create(
        by=by, month=month, pay_date=pay_date or month.replace(day=10), rule_set=rule_set()
    )
    PayrollRun.objects.filter(pk=run.pk).update(status=status)
    run.refresh_from_db()
    return run


def made_payslip(run, employee, gross, tax, other):
    """A payslip whose deductions are `tax` (income tax) plus `other` (contributions)."""
    slip = Payslip.objects.create(
        run=run,
        employee=employee,
        department=employee.department,
        gross=D(gross),
        deductions=D(tax) + D(other),
        net=D(gross) - D(tax) - D(other),
        employer_contributions=0,
        employer_cost=D(gross),
    )
    PayslipLine.objects.bulk_create(
        [
            PayslipLine(
                payslip=slip, code="SALARY", name="Salary", category="earning", amount=gross
            ),
            PayslipLine(
                payslip=slip,
                code="CAS",
                name="Pension",
                category="employee_deduction",
                base=gross,
                amount=other,
            ),
            PayslipLine(
                payslip=slip,
                code="INCOME_TAX",
                name="Income tax",
                category="tax",
                base=D(gross) - D(other),
                amount=tax,
            ),
        ]
    )
    return slip


@pytest.fixture
def calculator(db):
    from backoffice import roles

    return UserFactory(username="payroll-accountant", roles=[roles.ACCOUNTANT])


@pytest.fixture
def approver(db):
    from backoffice import roles

    return UserFactory(username="payroll-approver", roles=[roles.PAYROLL_APPROVER])


def test_year_to_date_counts_final_runs_of_the_year_up_to_this_one(calculator):
    worker = EmployeeFactory()
    last_year = made_run(calculator, date(2025, 12, 1), "paid")
    january = made_run(calculator, date(2026, 1, 1), "paid")
    february = made_run(calculator, date(2026, 2, 1), "posted")
    draft_march = made_run(calculator, date(2026, 3, 1), "calculated")
    april = made_run(calculator, date(2026, 4, 1), "approved")
    made_payslip(last_year, worker, "9999.00", "999.00", "999.00")
    made_payslip(january, worker, "5000.00", "400.00", "1250.00")
    feb = made_payslip(february, worker, "6000.00", "500.00", "1500.00")
    march = made_payslip(draft_march, worker, "7000.00", "600.00", "1750.00")
    made_payslip(april, worker, "1000.00", "80.00", "250.00")
    made_payslip(january, EmployeeFactory(), "3000.00", "240.00", "750.00")

    # January + February: 5000 + 6000 gross; 1650 + 2000 deductions; 900 tax.
    ytd = payslip_year_to_date(feb)
    assert (ytd.year, ytd.gross, ytd.deductions, ytd.income_tax, ytd.net) == (
        2026,
        D("11000.00"),
        D("3650.00"),
        D("900.00"),
        D("7350.00"),
    )
    # A run not yet approved counts for its own payslip, never for the others'.
    ytd = payslip_year_to_date(march)
    assert (ytd.gross, ytd.income_tax, ytd.net) == (D("18000.00"), D("1500.00"), D("12000.00"))
    assert payslips_year_to_date(february, [worker.pk])[worker.pk] == payslip_year_to_date(feb)


def test_year_to_date_is_one_query(calculator):
    worker = EmployeeFactory()
    run = made_run(calculator, date(2026, 1, 1), "approved")
    slip = made_payslip(run, worker, "5000.00", "400.00", "1250.00")
    with CaptureQueriesContext(connection) as queries:
        payslip_year_to_date(slip)
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        payslips_year_to_date(run, [worker.pk])
    assert len(queries) == 1


def test_the_employees_year_covers_published_runs_only(calculator):
    user = UserFactory(username="ytd-owner")
    worker = EmployeeFactory(user=user)
    made_payslip(made_run(calculator, date(2026, 1, 1), "paid"), worker, "5000", "400", "1250")
    made_payslip(made_run(calculator, date(2026, 2, 1), "draft"), worker, "6000", "500", "1500")
    ytd = my_year_to_date(user, 2026)
    assert (ytd.gross, ytd.deductions, ytd.income_tax, ytd.net) == (
        D("5000.00"),
        D("1650.00"),
        D("400.00"),
        D("3350.00"),
    )
    assert my_year_to_date(user, 2025).gross == D("0.00")


def test_the_pdf_shows_the_lines_by_category_the_totals_and_the_year(calculator):
    worker = EmployeeFactory(first_name="Ioana", last_name="Pop", employee_number="E-0042")
    run = made_run(calculator, date(2026, 1, 1), "approved", pay_date=date(2026, 2, 10))
    slip = made_payslip(run, worker, "5000.00", "400.00", "1250.00")
    Payslip.objects.filter(pk=slip.pk).update(is_final=True)
    slip = Payslip.objects.select_related("run", "employee", "department").get(pk=slip.pk)
    html = payslip_pdf_html(
        payslip=slip, lines=slip.lines.order_by("order"), ytd=payslip_year_to_date(slip)
    )
    for text in (
        "Ioana Pop",
        "E-0042",
        str(worker.department),
        "01.01.2026 – 31.01.2026",
        "10.02.2026",
        "Final pay",
        'data-category="earning"',
        'data-category="employee_deduction"',
        'data-category="tax"',
        "5,000.00 RON",
        "1,650.00 RON",
        'data-testid="net">3,350.00 RON',
        'data-testid="ytd-income-tax">400.00 RON',
    ):
        assert text in html, text
    assert html.index("Salary") < html.index("Pension") < html.index("Income tax")
    assert "not approved" not in html

    pdf = payslip_pdf(payslip=slip)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5_000


def test_a_draft_payslip_pdf_says_it_is_not_a_payslip(calculator):
    run = made_run(calculator, date(2026, 1, 1), "calculated")
    slip = made_payslip(run, EmployeeFactory(), "5000.00", "400.00", "1250.00")
    html = payslip_pdf_html(payslip=slip, lines=[], ytd=payslip_year_to_date(slip))
    assert "not approved, not a payslip" in html


def test_approving_starts_the_documents_job(calculator, approver):
    staff()
    run = approved_run(calculator, approver)
    run.refresh_from_db()
    assert run.documents_job.kind == "accounting.payslip_documents"
    assert run.documents_job.requested_by == approver
    assert run.documents_job.params == {"run": run.pk}


def test_the_job_stores_each_pdf_and_emails_each_employee_once(calculator, approver):
    salaried, hourly, joiner, _missing = staff()
    joiner.work_email = ""
    joiner.save()
    run = approved_run(calculator, approver)
    run.refresh_from_db()

    job = job_run(job_id=run.documents_job_id)
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.result == {"payslips": 3, "with_pdf": 3, "emailed": 2, "without_email": 1}
    slips = {slip.employee_id: slip for slip in run.payslips.all()}
    for slip in slips.values():
        assert slip.pdf.name.startswith("payslips/") and slip.pdf.name.endswith(".pdf")
        with slip.pdf.open("rb") as stored:
            assert stored.read(5) == b"%PDF-"
    assert slips[joiner.pk].emailed_at is None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([salaried.work_email, hourly.work_email])
    (filename, content, mimetype) = mail.outbox[0].attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF-")
    assert filename.startswith("payslip-2026-03-")

    names = {slip.pk: slip.pdf.name for slip in slips.values()}
    again = payslip_documents_start(by=calculator, run=run)
    again = job_run(job_id=again.pk)
    # Run again: the same state, no PDF made again, no email sent again.
    assert again.result == {"payslips": 3, "with_pdf": 3, "emailed": 2, "without_email": 1}
    assert len(mail.outbox) == 2
    assert {slip.pk: slip.pdf.name for slip in run.payslips.all()} == names


def test_a_job_killed_halfway_finishes_without_doubling_anything(calculator, approver):
    staff()
    run = approved_run(calculator, approver)
    first = run.payslips.order_by("pk").first()
    # The worker died after the first payslip's chunk; the job runs again from the start.
    assert payslip_documents_chunk(run=run, payslip_ids=[first.pk])["emailed"] == 1
    first.refresh_from_db()
    run.refresh_from_db()
    job = job_run(job_id=run.documents_job_id)
    assert job.result["with_pdf"] == 3 and job.result["emailed"] == 3
    assert run.payslips.get(pk=first.pk).pdf.name == first.pdf.name  # not made again
    assert len(mail.outbox) == 3
    assert len({m.to[0] for m in mail.outbox}) == 3


def test_the_job_on_approval_runs_after_commit(
    calculator, approver, django_capture_on_commit_callbacks
):
    staff()
    with django_capture_on_commit_callbacks(execute=True):
        run = approved_run(calculator, approver)
    run.refresh_from_db()
    assert run.documents_job.status == Job.Status.SUCCEEDED
    assert len(mail.outbox) == 3
    assert not run.payslips.filter(pdf="").exists()


def test_documents_are_refused_for_a_run_not_approved(calculator):
    staff()
    run = payroll_run_create(
        by=calculator, month=date(2026, 3, 1), pay_date=date(2026, 4, 10), rule_set=rule_set()
    )
    run = calculate(run, calculator)
    jobs = Job.objects.count()
    with pytest.raises(PayslipDocumentsError, match="once the payroll run is approved"):
        payslip_documents_start(by=calculator, run=run)
    run.refresh_from_db()
    assert run.documents_job is None and Job.objects.count() == jobs
    assert not run.payslips.exclude(pdf="").exists()


def test_documents_are_refused_while_a_documents_job_is_at_work(calculator, approver):
    staff()
    run = approved_run(calculator, approver)
    with pytest.raises(PayslipDocumentsError, match="being made already"):
        payslip_documents_start(by=calculator, run=run)


def test_a_chunk_reads_in_a_fixed_number_of_queries(calculator, approver):
    staff()
    run = approved_run(calculator, approver)
    EmployeeFactory.create_batch(2)  # not in the run: nothing to do with them
    ids = list(run.payslips.values_list("pk", flat=True))
    assert len(ids) <= DOCUMENTS_CHUNK
    with CaptureQueriesContext(connection) as queries:
        payslip_documents_chunk(run=run, payslip_ids=ids)
    reads = [q for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
    # payslips with their employee, the lines, the year-to-date figures.
    assert len(reads) == 3
    # one bulk update of the PDF names and one claim per email.
    writes = [q for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert len(writes) == 1 + 3
