"""The job pattern end to end with a real Celery worker on the real Redis."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from kombu import pools as kombu_pools

from backoffice import services
from backoffice.celery import app as celery_app
from backoffice.models import Job
from backoffice.tasks import job_run_task
from hr.models.employees import Employee
from tests.factories import EmployeeFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def worker_start(settings, queue: str, *, env: dict | None = None, concurrency: int = 0):
    """Start a Celery worker process on `queue`, sharing the test database.

    Solo pool by default; `concurrency` > 0 starts a prefork pool of that many
    processes. `env` adds settings of the worker's own (e.g. JOB_STALE_SECONDS).
    """
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    db = connection.settings_dict
    environment = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "REDIS_URL": redis_url,
        "CELERY_QUEUE": queue,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **(env or {}),
    }
    pool = (
        ["--pool", "prefork", "--concurrency", str(concurrency)]
        if concurrency
        else ["--pool", "solo"]
    )
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backoffice",
            "worker",
            *pool,
            "--queues",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def worker_stop(process) -> str:
    process.terminate()
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return output


@pytest.fixture
def worker_queue(settings):
    """A queue of the test's own on the test Redis, where this process sends tasks."""
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    saved = {
        key: celery_app.conf[key]
        for key in ("task_always_eager", "broker_url", "result_backend", "task_default_queue")
    }
    celery_app.conf.update(
        task_always_eager=False,
        broker_url=redis_url,
        result_backend=redis_url,
        task_default_queue=queue,
    )
    _reset_connections()
    yield queue
    celery_app.conf.update(saved)
    _reset_connections()


@pytest.fixture
def worker(settings, worker_queue):
    """A Celery worker process on its own queue, sharing the test database."""
    process = worker_start(settings, worker_queue)
    yield process
    print(worker_stop(process))


def _reset_connections():
    """Drop pooled broker connections so the next message uses the new broker URL."""
    kombu_pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def wait_for(job, *, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job still {job.status} after {timeout}s")


def test_a_real_worker_runs_the_export_to_completion(worker, hr_user):
    EmployeeFactory.create_batch(30)
    job = services.job_start(kind="hr.employee_export", requested_by=hr_user)
    job = wait_for(job)
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.result == {"rows": Employee.objects.count()}
    path = Path(django_settings.MEDIA_ROOT) / job.result_file.name
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + Employee.objects.count()


def test_a_task_delivered_twice_runs_the_job_once(worker, hr_user):
    job = Job.objects.create(kind="hr.employee_export", requested_by=hr_user)
    job_run_task.delay(str(job.pk))
    job_run_task.delay(str(job.pk))
    job = wait_for(job)
    time.sleep(1)  # let the second delivery reach the worker and be refused
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.attempts == 1
    assert hr_user.notifications.filter(source="backoffice.job").count() == 1
