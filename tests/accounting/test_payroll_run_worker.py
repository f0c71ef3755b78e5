"""The payroll calculation job on a real Celery worker (real Redis, real Postgres)."""

import time
from datetime import date
from decimal import Decimal

import pytest

from accounting.models import PayrollRun
from accounting.services import payroll_run_calculate, payroll_run_create
from backoffice import roles
from backoffice.models import Job
from backoffice.tasks import job_run_task
from tests.accounting.pay import profile
from tests.accounting.test_payroll_runs import MARCH, rule_set, staff
from tests.backoffice.test_job_worker import wait_for, worker  # noqa: F401  the fixture
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
