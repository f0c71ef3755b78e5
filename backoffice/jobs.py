"""The registry of long-running job kinds.

A department registers a handler for a kind of job:

    @job_handler("hr.employee_export", label=_("Employee export"))
    def export_employees(*, job, progress):
        ...
        return {"rows": n}

The handler is called by a worker with the claimed `Job` and a `JobProgress`;
it reports progress as it goes, may attach `job.result_file`, and returns a
JSON-serialisable result. It must be safe to run again from the start: a
killed worker's job is claimed anew and run again.

Work that is worth sharing between workers is a chunked job (`ChunkedJob`,
registered with `@chunked_job`, below): the core splits it, fans the chunks
out to `job_chunk_run_task`, claims each chunk so a second delivery or a
killed worker does no harm, adds up the progress and finishes once.
"""

import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

from backoffice.errors import JobError
from backoffice.models import Job, JobChunk


@dataclass(frozen=True)
class JobKind:
    kind: str
    label: str
    handler: Callable
    permission: str | None = None


_KINDS: dict[str, JobKind] = {}


def job_handler(kind: str, *, label, permission: str | None = None):
    def register(handler):
        _KINDS[kind] = JobKind(kind=kind, label=label, handler=handler, permission=permission)
        return handler

    return register


def job_kind(kind: str) -> JobKind | None:
    return _KINDS.get(kind)


class JobProgress:
    """Reports a job's progress; each call is one UPDATE that is also a heartbeat."""

    def __init__(self, job):
        self.job = job

    def start(self, total: int) -> None:
        self._update(total=total, done=0)

    def advance(self, count: int) -> None:
        # Rows added while the job runs must not push `done` past `total`.
        self._update(done=Least(F("done") + count, F("total")))

    def beat(self) -> None:
        """Still alive, nothing new done (a job waiting on its helpers)."""
        self._update()

    def _update(self, **fields) -> None:
        Job.objects.filter(pk=self.job.pk).update(heartbeat_at=timezone.now(), **fields)


# Chunked jobs -----------------------------------------------------------------


class ChunkedJob:
    """A kind of job whose items (ids) are split into chunks that workers share.

    Subclass it in `<app>/jobs.py`, override the hooks (each calls a service)
    and register it with `@chunked_job(kind, label=...)`. The job's own worker
    (the coordinator) records the chunks once, sends one
    `job_chunk_run_task` per chunk, works on chunks too until none is left,
    then finishes; any worker may do any chunk, each exactly once.

    `atomic = True`: the chunk's work is all in the database and runs in the
    transaction that holds the chunk (`SELECT ... FOR UPDATE SKIP LOCKED`) and
    marks it done, so a killed worker leaves nothing of it behind.
    `atomic = False`: the work has effects outside the database (files,
    email) that must stay done even if the worker dies before the end; the
    chunk is then held by a PostgreSQL session advisory lock (gone with a dead
    worker's connection), the work commits as it goes, and each of its effects
    must be claimed on its own (e.g. `emailed_at`), so doing the chunk again
    repeats nothing.
    """

    atomic = True
    # How long the coordinator waits before looking again for a chunk to do.
    wait_seconds = 0.05

    def chunk_size(self) -> int:
        return 100

    def active(self, job) -> bool:
        """False once there is nothing (more) for this job to do: its subject
        was done or handed to another job. Checked before each chunk."""
        return True

    def split(self, job) -> list:
        """The items to share out; called once per job, in the transaction
        that records its chunks (so it may also prepare the ground)."""
        raise NotImplementedError

    def run_chunk(self, job, items: list) -> None:
        raise NotImplementedError

    def finish(self, job) -> None:
        """Once every chunk is done: runs once per job, whoever gets there."""

    def failed(self, job) -> None:
        """A chunk raised in the coordinator; the job is recorded failed next."""

    def result(self, job) -> dict:
        """The job's result, made by the coordinator at the end."""
        return {}


_CHUNKED: dict[str, ChunkedJob] = {}


def chunked_job(kind: str, *, label, permission: str | None = None):
    """Register a `ChunkedJob` subclass as the job kind `kind`."""

    def register(cls):
        spec = cls()
        _CHUNKED[kind] = spec
        job_handler(kind, label=label, permission=permission)(partial(_coordinate, spec))
        return cls

    return register


def _coordinate(spec: ChunkedJob, *, job, progress) -> dict:
    """The chunked job's handler: split, fan out, work alongside, finish once.

    Run again (a restarted worker claims the job anew), it keeps the chunks
    already done and sees the others through.
    """
    from backoffice.tasks import job_chunk_run_task

    if not spec.active(job):
        return spec.result(job)
    chunks = _chunks_record(spec, job)
    progress.start(sum(len(items) for items in chunks.values_list("items", flat=True)))
    done = sum(len(items) for items in chunks.filter(done=True).values_list("items", flat=True))
    if done:
        progress.advance(done)
    try:
        for chunk_id in chunks.filter(done=False).values_list("pk", flat=True):
            job_chunk_run_task.delay(chunk_id)
        # This worker does chunks too, and takes over those of a worker that
        # died (its hold goes with its connection), until none is left.
        while chunks.filter(done=False).exists():
            if not _chunk_work(spec, job):
                if not spec.active(job):
                    return spec.result(job)
                progress.beat()
                time.sleep(spec.wait_seconds)
        _finish(spec, job)
    except Exception:
        spec.failed(job)
        raise
    return spec.result(job)


def _chunks_record(spec: ChunkedJob, job):
    """The job's chunks, recorded by its first run (a later run keeps them)."""
    chunks = JobChunk.objects.filter(job=job)
    with transaction.atomic():
        if not chunks.exists():
            items, size = list(spec.split(job)), spec.chunk_size()
            JobChunk.objects.bulk_create(
                [
                    JobChunk(job=job, index=n, items=items[start : start + size])
                    for n, start in enumerate(range(0, len(items), size))
                ],
                ignore_conflicts=True,  # a stale run's twin got there first
            )
    return chunks


def job_chunk_run(*, chunk_id: int) -> bool:
    """A worker's share of a chunked job: the chunk it was handed, if still to do."""
    chunk = JobChunk.objects.select_related("job").filter(pk=chunk_id).first()
    if chunk is None or chunk.done or chunk.job.is_finished:
        return False
    spec = _CHUNKED.get(chunk.job.kind)
    if spec is None:
        raise JobError(f"{chunk.job.kind} is not a chunked job")
    return _chunk_work(spec, chunk.job, chunk_id=chunk.pk)


def _chunk_work(spec: ChunkedJob, job, chunk_id: int | None = None) -> bool:
    """Claim one chunk still to do (that one, or any) and do it; False when there
    was nothing to claim. Whoever does the last chunk finishes the job."""
    work = _chunk_work_in_transaction if spec.atomic else _chunk_work_held
    count = work(spec, job, chunk_id)
    if count is None:
        return False
    JobProgress(job).advance(count)
    _finish(spec, job)
    return True


def _undone(job, chunk_id: int | None = None):
    chunks = JobChunk.objects.filter(job=job, done=False).order_by("index")
    return chunks if chunk_id is None else chunks.filter(pk=chunk_id)


def _chunk_work_in_transaction(spec: ChunkedJob, job, chunk_id) -> int | None:
    with transaction.atomic():
        chunk = _undone(job, chunk_id).select_for_update(skip_locked=True).first()
        if chunk is None or not spec.active(job):
            return None
        if connection.vendor == "postgresql":
            # A chunk lost in a server crash is lost with its `done` flag (same
            # transaction) and simply done again: no need to wait for the disk.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        spec.run_chunk(job, chunk.items)
        JobChunk.objects.filter(pk=chunk.pk).update(done=True, finished_at=timezone.now())
    return len(chunk.items)


def _chunk_work_held(spec: ChunkedJob, job, chunk_id) -> int | None:
    for pk in _undone(job, chunk_id).values_list("pk", flat=True):
        with _chunk_hold(pk) as mine:
            chunk = _undone(job, pk).first() if mine else None  # done while we looked?
            if chunk is None:
                continue
            if not spec.active(job):
                return None
            spec.run_chunk(job, chunk.items)
            JobChunk.objects.filter(pk=pk).update(done=True, finished_at=timezone.now())
            return len(chunk.items)
    return None


CHUNK_LOCK_SPACE = 0x4A43  # the advisory locks of job chunks: (space, chunk id)


@contextmanager
def _chunk_hold(chunk_id: int):
    """Hold a chunk for this worker with a PostgreSQL session lock, released at
    the end or with the connection of a worker that dies. (Other databases run
    tasks in-process, one at a time: always granted.)"""
    if connection.vendor != "postgresql":
        yield True
        return
    key = (CHUNK_LOCK_SPACE, chunk_id & 0x7FFFFFFF)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", key)
        (mine,) = cursor.fetchone()
    try:
        yield mine
    finally:
        if mine:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)


def _finish(spec: ChunkedJob, job) -> bool:
    """Every chunk done: run the kind's finish, once (a conditional UPDATE in
    the same transaction, so a finish that fails is tried again)."""
    with transaction.atomic():
        if JobChunk.objects.filter(job=job, done=False).exists():
            return False
        if not Job.objects.filter(pk=job.pk, chunks_finished_at__isnull=True).update(
            chunks_finished_at=timezone.now()
        ):
            return False
        spec.finish(job)
    return True


def job_chunks_count(job) -> tuple[int, int]:
    """(chunks, items) of a chunked job."""
    chunks = JobChunk.objects.filter(job=job).values_list("items", flat=True)
    sizes = [len(items) for items in chunks]
    return len(sizes), sum(sizes)
