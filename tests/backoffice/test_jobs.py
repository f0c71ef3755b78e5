import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from backoffice import services
from backoffice.errors import JobError
from backoffice.jobs import job_handler
from backoffice.models import Job, Notification
from backoffice.tasks import job_requeue_stale_task
from hr.models.employees import Employee
from tests.factories import EmployeeFactory

CALLS = []


@job_handler("tests.counting", label="Counting job")
def counting_job(*, job, progress):
    CALLS.append(job.pk)
    progress.start(3)
    progress.advance(3)
    return {"counted": 3}


@job_handler("tests.failing", label="Failing job")
def failing_job(*, job, progress):
    raise ValueError("the input file is empty")


@pytest.fixture(autouse=True)
def _reset_calls():
    CALLS.clear()


def test_starting_a_job_runs_it_after_commit(hr_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = services.job_start(kind="tests.counting", requested_by=hr_user)
        assert CALLS == []  # nothing runs before the transaction commits
    assert len(callbacks) == 1
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.result == {"counted": 3}
    assert (job.done, job.total, job.percent) == (3, 3, 100)
    assert job.finished_at is not None


def test_running_a_job_twice_does_the_work_once(hr_user):
    job = Job.objects.create(kind="tests.counting", requested_by=hr_user)
    first = services.job_run(job_id=job.pk)
    second = services.job_run(job_id=job.pk)
    assert first.status == Job.Status.SUCCEEDED
    assert second is None
    assert [job.pk] == CALLS
    assert Notification.objects.filter(recipient=hr_user, source="backoffice.job").count() == 1


def test_a_job_whose_worker_went_quiet_is_claimed_again(hr_user, settings):
    stale = timezone.now() - settings.JOB_STALE_AFTER - timedelta(seconds=1)
    job = Job.objects.create(
        kind="tests.counting",
        requested_by=hr_user,
        status=Job.Status.RUNNING,
        heartbeat_at=stale,
        attempts=1,
    )
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.attempts == 2
    assert [job.pk] == CALLS


def test_a_job_running_with_a_fresh_heartbeat_is_left_to_its_worker(hr_user):
    job = Job.objects.create(
        kind="tests.counting",
        requested_by=hr_user,
        status=Job.Status.RUNNING,
        heartbeat_at=timezone.now(),
    )
    assert services.job_run(job_id=job.pk) is None
    assert CALLS == []


def test_a_failing_job_records_the_error_and_tells_the_requester(hr_user):
    job = Job.objects.create(kind="tests.failing", requested_by=hr_user)
    services.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == "the input file is empty"
    note = Notification.objects.get(recipient=hr_user, source="backoffice.job")
    assert note.level == Notification.Level.DANGER


def test_an_unknown_kind_of_job_is_refused(hr_user):
    with pytest.raises(JobError):
        services.job_start(kind="no.such.job", requested_by=hr_user)
    assert not Job.objects.exists()


def test_a_job_needing_a_permission_is_refused_to_those_without_it(employee_user):
    with pytest.raises(JobError):
        services.job_start(kind="hr.employee_export", requested_by=employee_user)
    assert not Job.objects.exists()


def test_stale_and_lost_jobs_are_handed_to_a_worker_again(hr_user, settings):
    old = timezone.now() - settings.JOB_STALE_AFTER - timedelta(minutes=1)
    lost = Job.objects.create(kind="tests.counting", requested_by=hr_user)
    Job.objects.filter(pk=lost.pk).update(created_at=old)
    fresh = Job.objects.create(kind="tests.counting", requested_by=hr_user)
    assert job_requeue_stale_task() == 1
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.status == Job.Status.SUCCEEDED
    assert fresh.status == Job.Status.QUEUED


def test_the_employee_export_writes_every_employee_once(hr_user, role_users):
    EmployeeFactory.create_batch(5)
    job = Job.objects.create(kind="hr.employee_export", requested_by=hr_user)
    job = services.job_run(job_id=job.pk)
    rows = list(csv.reader(io.StringIO(job.result_file.read().decode("utf-8"))))
    assert rows[0][0] == "Employee number"
    numbers = sorted(row[0] for row in rows[1:])
    assert numbers == sorted(Employee.objects.values_list("employee_number", flat=True))
    assert job.result == {"rows": Employee.objects.count()}
    assert job.done == job.total == Employee.objects.count()


def test_the_job_page_polls_while_running_and_stops_when_done(client, hr_user):
    job = Job.objects.create(
        kind="tests.counting", requested_by=hr_user, status=Job.Status.RUNNING, total=10, done=4
    )
    client.force_login(hr_user)
    url = reverse("backoffice:job-detail", args=[job.pk])
    running = client.get(url, headers={"HX-Request": "true"})
    assert running.status_code == 200
    assert b"<html" not in running.content  # the fragment alone
    assert b'hx-trigger="every 1s"' in running.content
    assert b"40%" in running.content
    Job.objects.filter(pk=job.pk).update(status=Job.Status.SUCCEEDED, done=10)
    finished = client.get(url, headers={"HX-Request": "true"})
    assert b"hx-trigger" not in finished.content
    assert b"100%" in finished.content


def test_exporting_from_the_directory_leads_to_the_job_page(client, hr_user):
    client.force_login(hr_user)
    response = client.post(reverse("hr:employee-export"))
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:job-detail", args=[job.pk])
    assert job.kind == "hr.employee_export"
    assert job.requested_by == hr_user
