"""The core's chunked jobs: split once, each chunk done once whoever claims it,
progress added up on the job, finished once (backoffice/jobs.py).

Each item of a test job leaves one notification, so "done once" is counted in
the database. Both ways of holding a chunk are tried: in its transaction
(`atomic`) and with a session lock while the work commits as it goes.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from backoffice.jobs import ChunkedJob, chunked_job, job_chunk_run, job_chunks_count
from backoffice.models import Job, JobChunk, Notification
from backoffice.services import job_run
from tests.factories import UserFactory

CALLS = {"split": [], "finish": [], "failed": []}  # job ids, per hook
GATES: dict = {}  # job id -> (entered, release): holds a chunk half done


class _Items(ChunkedJob):
    """Items 0..params["items"]-1 in chunks of three; one notification each."""

    def chunk_size(self) -> int:
        return 3

    def active(self, job) -> bool:
        return not Job.objects.filter(pk=job.pk, params__stopped=True).exists()

    def split(self, job) -> list:
        CALLS["split"].append(job.pk)
        return list(range(job.params.get("items", 10)))

    def run_chunk(self, job, items: list) -> None:
        for item in items:
            Notification.objects.create(
                recipient=job.requested_by, title=f"item {item}", source=f"tests.{job.pk}"
            )
            if item == job.params.get("fail_on"):
                raise ValueError(f"item {item} refused")
        if job.pk in GATES:
            entered, release = GATES[job.pk]
            entered.set()
            assert release.wait(timeout=20)

    def finish(self, job) -> None:
        CALLS["finish"].append(job.pk)

    def failed(self, job) -> None:
        CALLS["failed"].append(job.pk)

    def result(self, job) -> dict:
        chunks, items = job_chunks_count(job)
        return {"chunks": chunks, "items": items, "done": _done(job)}


@chunked_job("tests.chunked", label="Chunked job")
class ItemsInTransaction(_Items):
    pass


@chunked_job("tests.chunked_held", label="Chunked job, held")
class ItemsHeld(_Items):
    atomic = False


BOTH = pytest.mark.parametrize("kind", ["tests.chunked", "tests.chunked_held"])


def _done(job) -> list[str]:
    """The items done, with repeats."""
    return sorted(
        Notification.objects.filter(source=f"tests.{job.pk}").values_list("title", flat=True)
    )


def _items(count: int) -> list[str]:
    return sorted(f"item {n}" for n in range(count))


@pytest.fixture(autouse=True)
def _reset():
    for calls in CALLS.values():
        calls.clear()
    GATES.clear()


@pytest.fixture
def user(db):
    return UserFactory(username="chunk-owner")


def _job(user, kind, **params) -> Job:
    return Job.objects.create(kind=kind, requested_by=user, params={"items": 10, **params})


def _chunks(job, *sizes) -> list[JobChunk]:
    """Chunks as a coordinator would record them (items numbered from 0)."""
    chunks, start = [], 0
    for index, size in enumerate(sizes):
        items = list(range(start, start + size))
        chunks.append(JobChunk.objects.create(job=job, index=index, items=items))
        start += size
    return chunks


@BOTH
@pytest.mark.django_db
def test_a_chunked_job_run_twice_does_the_work_once(user, kind):
    job = _job(user, kind)
    first = job_run(job_id=job.pk)
    assert job_run(job_id=job.pk) is None
    assert first.status == Job.Status.SUCCEEDED, first.error
    assert first.result == {"chunks": 4, "items": 10, "done": _items(10)}
    assert (first.done, first.total) == (10, 10)
    assert CALLS["split"] == [job.pk] and CALLS["finish"] == [job.pk]
    assert not job.chunks.filter(done=False).exists()


@BOTH
@pytest.mark.django_db
def test_a_chunk_delivered_twice_is_done_once(user, kind):
    job = _job(user, kind)
    (chunk,) = _chunks(job, 3)
    assert job_chunk_run(chunk_id=chunk.pk) is True
    assert job_chunk_run(chunk_id=chunk.pk) is False
    assert _done(job) == _items(3)


@pytest.mark.django_db
def test_a_job_run_again_after_its_worker_died_keeps_the_chunks_done(user, settings):
    stale = timezone.now() - settings.JOB_STALE_AFTER - timedelta(seconds=1)
    job = _job(user, "tests.chunked")
    first, *_others = _chunks(job, 3, 3, 3, 1)
    job_chunk_run(chunk_id=first.pk)  # done before the worker died
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, heartbeat_at=stale, attempts=1)

    job = job_run(job_id=job.pk)
    assert job.status == Job.Status.SUCCEEDED and job.attempts == 2
    assert CALLS["split"] == []  # the chunks recorded by the first run are kept
    assert _done(job) == _items(10)
    assert CALLS["finish"] == [job.pk]


@pytest.mark.django_db
def test_a_chunk_that_fails_in_its_transaction_leaves_nothing_and_fails_the_job(user):
    job = _job(user, "tests.chunked", fail_on=4)  # in the second chunk: 3, 4, 5
    job = job_run(job_id=job.pk)
    assert job.status == Job.Status.FAILED
    assert job.error == "item 4 refused"
    assert CALLS["failed"] == [job.pk] and CALLS["finish"] == []
    # The first chunk stays done; nothing of the second, not even item 3.
    assert _done(job) == _items(3)
    assert list(job.chunks.filter(done=True).values_list("index", flat=True)) == [0]


@pytest.mark.django_db
def test_a_job_whose_subject_is_gone_does_no_chunk(user):
    job = _job(user, "tests.chunked", stopped=True)
    (chunk,) = _chunks(job, 3)
    assert job_chunk_run(chunk_id=chunk.pk) is False
    job = job_run(job_id=job.pk)
    assert job.status == Job.Status.SUCCEEDED
    assert _done(job) == [] and CALLS["finish"] == []


@BOTH
@pytest.mark.django_db
def test_a_finished_jobs_chunks_are_left_alone(user, kind):
    job = _job(user, kind)
    (chunk,) = _chunks(job, 3)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED)
    assert job_chunk_run(chunk_id=chunk.pk) is False
    assert _done(job) == []


@BOTH
@pytest.mark.django_db
def test_progress_adds_up_whoever_does_the_chunks(user, kind):
    job = _job(user, kind)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, total=10)
    seen = []
    for chunk in _chunks(job, 3, 3, 4):
        job_chunk_run(chunk_id=chunk.pk)
        job.refresh_from_db()
        seen.append((job.done, job.total))
    assert seen == [(3, 10), (6, 10), (10, 10)]


@BOTH
@pytest.mark.django_db
def test_the_finish_runs_once_whoever_does_the_last_chunk(user, kind):
    job = _job(user, kind)
    chunks = _chunks(job, 3, 3, 3, 1)
    for chunk in chunks[:-1]:
        job_chunk_run(chunk_id=chunk.pk)
    assert CALLS["finish"] == []  # one chunk to go
    job_chunk_run(chunk_id=chunks[-1].pk)  # the last chunk's worker finishes
    assert CALLS["finish"] == [job.pk]

    job = job_run(job_id=job.pk)  # the coordinator comes later: nothing left to do
    assert job.status == Job.Status.SUCCEEDED
    assert job.result == {"chunks": 4, "items": 10, "done": _items(10)}
    assert CALLS["finish"] == [job.pk]
    assert job.chunks_finished_at is not None


def _in_thread(target, *args, **kwargs):
    outcome = {}

    def run():
        try:
            outcome["value"] = target(*args, **kwargs)
        except Exception as exc:  # handed to the test, which fails on it
            outcome["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


@BOTH
@pytest.mark.django_db(transaction=True)
def test_a_chunk_claimed_by_two_workers_at_once_is_done_once(kind):
    job = _job(UserFactory(username="chunk-racer"), kind)
    (chunk,) = _chunks(job, 3)
    entered, release = threading.Event(), threading.Event()
    GATES[job.pk] = (entered, release)

    thread, outcome = _in_thread(job_chunk_run, chunk_id=chunk.pk)
    assert entered.wait(timeout=20)  # the first worker holds the chunk, half done
    assert job_chunk_run(chunk_id=chunk.pk) is False  # the second finds it taken
    release.set()
    thread.join(timeout=20)
    assert outcome == {"value": True}
    assert job_chunk_run(chunk_id=chunk.pk) is False  # and, later, done
    assert _done(job) == _items(3)
    assert CALLS["finish"] == [job.pk]


@pytest.mark.django_db(transaction=True)
def test_the_coordinator_waits_for_a_chunk_another_worker_holds():
    job = _job(UserFactory(username="chunk-waiter"), "tests.chunked", items=3)
    (chunk,) = _chunks(job, 3)
    entered, release = threading.Event(), threading.Event()
    GATES[job.pk] = (entered, release)
    thread, outcome = _in_thread(job_chunk_run, chunk_id=chunk.pk)
    assert entered.wait(timeout=20)
    GATES.pop(job.pk)

    coordinator, finished = _in_thread(job_run, job_id=job.pk)
    while not Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, total=3).exists():
        time.sleep(0.01)
    time.sleep(0.3)
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING and job.done == 0  # waiting, not doing it again
    release.set()
    for each in (thread, coordinator):
        each.join(timeout=20)
    assert outcome == {"value": True}
    assert finished["value"].status == Job.Status.SUCCEEDED
    assert finished["value"].result == {"chunks": 1, "items": 3, "done": _items(3)}
    assert CALLS["finish"] == [job.pk]
