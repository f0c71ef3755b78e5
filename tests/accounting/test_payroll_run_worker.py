"""The payroll calculation job on a real Celery worker (real Redis, real Postgres)."""

import time
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import Sum

from accounting.models.payroll_runs import PayrollRun, PayslipLine
from accounting.selectors.payroll_rules import payroll_rule_set_specs
from accounting.services.payroll_calculation import payroll_run_calculate_chunk
from accounting.services.payroll_runs import (
    payroll_run_approve,
    payroll_run_calculate,
    payroll_run_create,
    payroll_run_totals,
    run_employees,
)
from backoffice import roles
from backoffice.calendar import working_dates
from backoffice.models import Job, JobChunk
from backoffice.services import jobs_stale
from backoffice.tasks import job_requeue_stale_task, job_run_task
from tests.accounting.pay import profile
from tests.accounting.test_payroll_runs import MARCH, rule_set, staff
from tests.backoffice.test_job_worker import (  # noqa: F401  the fixtures
    wait_for,
    worker,
    worker_queue,
    worker_start,
    worker_stop,
)
from tests.factories import EmployeeFactory, UserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_calculates_a_run_once_despite_a_double_delivery(worker):  # noqa: F811
    accountant = UserFactory(username="worker-accountant", roles=[roles.ACCOUNTANT])
    run = payroll_run_create(
        by=accountant, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set()
    )
    staff()
    for employee in EmployeeFactory.create_batch(5):
        profile(employee, monthly_salary=Decimal("3000.00"))

    job = payroll_run_calculate(by=accountant, run=run)  # delivered once on commit
    job_run_task.delay(str(job.pk))  # and a second time
    job = wait_for(job)
    time.sleep(1)  # let the second delivery reach the worker and be refused
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.attempts == 1
    assert (job.done, job.total) == (9, 9)

    run.refresh_from_db()
    assert run.status == PayrollRun.Status.CALCULATED
    assert run.payslips.count() == 8
    assert run.exceptions.count() == 1
    assert run.gross == Decimal("16200.00") + 5 * Decimal("3000.00")


def _wait_until(condition, *, timeout=60, step=0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(step)
    raise AssertionError("the condition never came true")


def test_killing_the_worker_mid_run_ends_with_one_payslip_each_and_right_totals(
    settings,
    worker_queue,  # noqa: F811
):
    accountant = UserFactory(username="kill-accountant", roles=[roles.ACCOUNTANT])
    run = payroll_run_create(
        by=accountant, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set()
    )
    employees = EmployeeFactory.create_batch(400)
    salaries = {}
    for n, employee in enumerate(employees):
        salaries[employee.pk] = Decimal("3000.00") + n
        profile(employee, monthly_salary=salaries[employee.pk])
    env = {"PAYROLL_CHUNK_SIZE": "4", "JOB_STALE_SECONDS": "2"}
    first = worker_start(settings, worker_queue, env=env)
    try:
        job = payroll_run_calculate(by=accountant, run=run)
        chunks = JobChunk.objects.filter(job=job)
        _wait_until(lambda: chunks.filter(done=True).count() >= 10)
        first.kill()  # SIGKILL: no clean-up, its open chunk transaction dies with it
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
        print(first.communicate()[0])

    # Killed in the middle: some chunks done, the others waiting, nothing half-written
    # (three lines a payslip: salary, hours, flat tax).
    done = chunks.filter(done=True).count()
    assert 10 <= done < 100 == chunks.count()
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING
    assert run.payslips.count() == 4 * done
    assert PayslipLine.objects.filter(payslip__run=run).count() == 3 * 4 * done

    # A new worker takes the chunks still queued; once the job's heartbeat is
    # stale, the periodic requeue (every few seconds here, as beat would) hands
    # the job itself to it again.
    settings.JOB_STALE_AFTER = timedelta(seconds=2)
    _wait_until(lambda: jobs_stale() == [str(job.pk)], timeout=10, step=0.2)
    second = worker_start(settings, worker_queue, env=env)
    try:

        def requeued_and_finished():
            job_requeue_stale_task.delay()
            job.refresh_from_db()
            return job.is_finished

        _wait_until(requeued_and_finished, timeout=60, step=2.5)
    finally:
        print(worker_stop(second))
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.attempts == 2
    run.refresh_from_db()
    assert run.status == PayrollRun.Status.CALCULATED
    assert run.payslips.count() == 400
    assert run.payslips.values("employee").distinct().count() == 400
    assert PayslipLine.objects.filter(payslip__run=run).count() == 3 * 400
    assert not chunks.filter(done=False).exists()
    expected_gross = sum(salaries.values())
    assert run.gross == expected_gross
    # 20% flat tax, per employee to the cent.
    assert run.net == sum(
        s - (s * Decimal("0.20")).quantize(Decimal("0.01")) for s in salaries.values()
    )
    assert run.payslips.aggregate(total=Sum("gross"))["total"] == expected_gross


def test_two_worker_processes_share_the_chunks_and_agree_with_one(
    settings,
    worker_queue,  # noqa: F811
):
    accountant = UserFactory(username="pair-accountant", roles=[roles.ACCOUNTANT])
    run = payroll_run_create(
        by=accountant, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set()
    )
    for n, employee in enumerate(EmployeeFactory.create_batch(60)):
        profile(employee, monthly_salary=Decimal("2500.00") + n)
    pair = worker_start(settings, worker_queue, env={"PAYROLL_CHUNK_SIZE": "3"}, concurrency=2)
    try:
        job = wait_for(payroll_run_calculate(by=accountant, run=run))
    finally:
        print(worker_stop(pair))
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.result["chunks"] == 20
    run.refresh_from_db()
    parallel = sorted(run.payslips.values_list("employee_id", "gross", "net"))
    assert len(parallel) == 60

    # The same run computed in this process, chunk by chunk, gives the same payslips.
    rules, parameters = payroll_rule_set_specs(run.rule_set)
    days = working_dates(run.period_start, run.period_end)
    ids = [employee_id for employee_id, _gross, _net in parallel]
    payroll_run_calculate_chunk(
        run=run, employee_ids=ids, rules=rules, parameters=parameters, days=days
    )
    assert sorted(run.payslips.values_list("employee_id", "gross", "net")) == parallel


def test_two_worker_processes_make_every_payslip_pdf_and_email_once(
    settings,
    worker_queue,  # noqa: F811
    tmp_path,
):
    accountant = UserFactory(username="pdf-accountant", roles=[roles.ACCOUNTANT])
    approver = UserFactory(username="pdf-approver", roles=[roles.PAYROLL_APPROVER])
    run = payroll_run_create(
        by=accountant, month=MARCH, pay_date=date(2026, 4, 10), rule_set=rule_set()
    )
    for n, employee in enumerate(EmployeeFactory.create_batch(12)):
        profile(employee, monthly_salary=Decimal("2500.00") + n)
    # Calculated here, in this process; the documents go to the workers.
    rules, parameters = payroll_rule_set_specs(run.rule_set)
    payroll_run_calculate_chunk(
        run=run,
        employee_ids=list(run_employees(run).values_list("pk", flat=True)),
        rules=rules,
        parameters=parameters,
        days=working_dates(run.period_start, run.period_end),
    )
    PayrollRun.objects.filter(pk=run.pk).update(
        status=PayrollRun.Status.CALCULATED, calculated_by=accountant, **payroll_run_totals(run)
    )
    outbox = tmp_path / "mail"
    env = {"PAYSLIP_PDF_CHUNK_SIZE": "2", "EMAIL_URL": f"filemail:///{outbox}"}
    pair = worker_start(settings, worker_queue, env=env, concurrency=2)
    try:
        payroll_run_approve(by=approver, run=run)  # starts the documents job
        run.refresh_from_db()
        job = wait_for(run.documents_job, timeout=120)
    finally:
        print(worker_stop(pair))
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.result == {"payslips": 12, "with_pdf": 12, "emailed": 12, "without_email": 0}
    assert not run.payslips.filter(pdf="").exists()
    # The file backend appends each message sent to a file: each employee once,
    # with their PDF.
    text = "".join(path.read_text(encoding="utf-8") for path in outbox.iterdir())
    assert text.count("\nSubject: ") == 12
    assert text.count("Content-Type: application/pdf") == 12
    for address in run.payslips.values_list("employee__work_email", flat=True):
        assert text.count(f"\nTo: {address}\n") == 1
