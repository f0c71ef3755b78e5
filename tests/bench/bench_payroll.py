"""Payroll at volume: a run of 10,000 employees calculated by two Celery worker
processes on Redis and Postgres, from the click to the last payslip stored.

`payroll.run_10000.queries_per_employee` counts the queries of the same
calculation run in this process (the workers' queries cannot be counted from
here); `payroll.run_10000.chunk_*.queries` shows that a chunk's queries do not grow with
its size.
"""

import io
import os
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

from tests.bench.registry import benchmark, row

EMPLOYEES = 10_000
ROOT = Path(__file__).resolve().parents[2]


def _company():
    """10,000 employees with pay profiles, meal vouchers and two more recurring
    items each, and the month's timesheets approved."""
    from django.core.management import call_command

    from accounting.models.pay import PayItem, Timesheet
    from accounting.models.payroll_runs import PayrollRun
    from hr.models.employees import Employee

    missing = EMPLOYEES - Employee.objects.count()
    if missing > 0:
        staff = Employee.objects.filter(employee_number__startswith="E").count()
        call_command("seed_demo", employees=staff + missing, stdout=io.StringIO())
    run = PayrollRun.objects.get(kind="regular")
    Timesheet.objects.filter(period_start=run.period_start).update(status="approved")
    if not PayItem.objects.filter(code=PayItem.Code.ALLOWANCE).exists():
        PayItem.objects.bulk_create(
            PayItem(
                employee_id=pk,
                kind=kind,
                code=code,
                amount=amount,
                recurring=True,
                month=run.period_start,
            )
            for pk in Employee.objects.values_list("pk", flat=True)
            for kind, code, amount in (
                (PayItem.Kind.EARNING, PayItem.Code.ALLOWANCE, Decimal("250.00")),
                (PayItem.Kind.DEDUCTION, PayItem.Code.DEDUCTION, Decimal("35.50")),
            )
        )
    return run


def _worker(queue: str, redis_url: str, concurrency: int = 2):
    env = {
        **os.environ,
        "DATABASE_URL": os.environ["BENCH_DATABASE_URL"],
        "REDIS_URL": redis_url,
        "CELERY_QUEUE": queue,
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backoffice",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            str(concurrency),
            "--queues",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _use_broker(app, redis_url: str, queue: str | None):
    from kombu import pools

    if queue is None:
        app.conf.update(task_always_eager=True, broker_url="memory://", result_backend=None)
    else:
        app.conf.update(
            task_always_eager=False,
            broker_url=redis_url,
            result_backend=redis_url,
            task_default_queue=queue,
        )
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def _wait_ready(app, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.ping(timeout=0.5):
            return
    raise SystemExit("The bench worker did not start.")


@benchmark("payroll.run_10000")
def payroll_run_10000() -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounting.models.payroll_runs import PayrollRun, PayslipLine
    from accounting.services.payroll_runs import payroll_run_calculate
    from backoffice.celery import app

    run = _company()
    accountant = get_user_model().objects.get(username="accountant")
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    # A first calculation of the month: the seed's payslips go.
    PayslipLine.objects.filter(payslip__run=run).delete()
    run.payslips.all()._raw_delete(run.payslips.db)
    run.exceptions.all().delete()
    _use_broker(app, redis_url, queue)
    worker = _worker(queue, redis_url)
    try:
        _wait_ready(app)
        started = time.perf_counter()
        payroll_run_calculate(by=accountant, run=run)
        while (
            PayrollRun.objects.filter(pk=run.pk).values_list("status", flat=True).get()
            == PayrollRun.Status.CALCULATING
        ):
            time.sleep(0.02)
        elapsed = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        _use_broker(app, redis_url, None)
    run.refresh_from_db()
    payslips = run.payslips.count()
    lines = PayslipLine.objects.filter(payslip__run=run).count()

    # The same calculation in this process, to count its queries.
    with CaptureQueriesContext(connection) as queries:
        payroll_run_calculate(by=accountant, run=run)
    run.refresh_from_db()
    assert run.status == PayrollRun.Status.CALCULATED, run.status
    employees = payslips + run.exceptions.count()
    return [
        row("payroll.run_10000.s", round(elapsed, 3), "s"),
        row("payroll.run_10000.employees", employees, "employees"),
        row("payroll.run_10000.lines_per_payslip", round(lines / payslips, 1), "lines"),
        row(
            "payroll.run_10000.queries_per_employee",
            round(len(queries) / employees, 4),
            "queries",
        ),
        *_chunk_queries(run),
    ]


def _chunk_queries(run) -> list[dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounting.selectors.payroll_rules import payroll_rule_set_specs
    from accounting.services.payroll_calculation import payroll_run_calculate_chunk
    from backoffice.calendar import working_dates

    rules, parameters = payroll_rule_set_specs(run.rule_set)
    days = working_dates(run.period_start, run.period_end)
    ids = list(run.payslips.order_by("employee_id").values_list("employee_id", flat=True))
    rows = []
    for size in (50, 500):
        with CaptureQueriesContext(connection) as queries:
            payroll_run_calculate_chunk(
                run=run, employee_ids=ids[:size], rules=rules, parameters=parameters, days=days
            )
        rows.append(row(f"payroll.run_10000.chunk_{size}.queries", len(queries), "queries"))
    return rows
