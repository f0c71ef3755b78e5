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
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone


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
        from backoffice.models import Job

        Job.objects.filter(pk=self.job.pk).update(heartbeat_at=timezone.now(), **fields)
