"""Writes of the core: jobs and notifications."""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import JobError
from backoffice.jobs import JobProgress, job_kind
from backoffice.mail import MAIL_ERRORS, MailClaim, mail_send
from backoffice.models import Job, Notification

logger = logging.getLogger(__name__)
User = get_user_model()


# Jobs -----------------------------------------------------------------------


@transaction.atomic
def job_start(*, kind: str, requested_by, params: dict | None = None) -> Job:
    """Record a job and hand it to a worker once the transaction commits."""
    from backoffice.tasks import job_run_task

    registered = job_kind(kind)
    if registered is None:
        raise JobError(_("Unknown kind of job: %(kind)s") % {"kind": kind})
    if registered.permission and not requested_by.has_perm(registered.permission):
        raise JobError(_("You may not start this job."))
    job = Job(kind=kind, requested_by=requested_by, params=params or {})
    job.full_clean()
    job.save()
    transaction.on_commit(lambda: job_run_task.delay(str(job.pk)))
    return job


def job_claim(*, job_id) -> Job | None:
    """Take a job for this worker, or None when another worker has it or it is done.

    One conditional UPDATE, so two workers never run the same job at once. A
    running job whose heartbeat is older than JOB_STALE_AFTER belongs to a
    worker that died and may be claimed again.
    """
    now = timezone.now()
    stale = now - settings.JOB_STALE_AFTER
    claimed = (
        Job.objects.filter(pk=job_id)
        .filter(Q(status=Job.Status.QUEUED) | Q(status=Job.Status.RUNNING, heartbeat_at__lt=stale))
        .update(
            status=Job.Status.RUNNING,
            started_at=now,
            heartbeat_at=now,
            done=0,
            attempts=F("attempts") + 1,
            error="",
        )
    )
    return Job.objects.get(pk=job_id) if claimed else None


def job_run(*, job_id) -> Job | None:
    """Run a job to the end and record its outcome; a second call does nothing."""
    job = job_claim(job_id=job_id)
    if job is None:
        return None
    registered = job_kind(job.kind)
    try:
        if registered is None:
            raise JobError(_("Unknown kind of job: %(kind)s") % {"kind": job.kind})
        result = registered.handler(job=job, progress=JobProgress(job))
    except Exception as exc:
        # The failure is the job's outcome: recorded for the requester and
        # logged with its traceback, not raised into the worker.
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED,
            error=str(exc) or exc.__class__.__name__,
            finished_at=timezone.now(),
        )
        _job_notify(job, succeeded=False)
        return Job.objects.get(pk=job.pk)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.SUCCEEDED,
        result=result or {},
        result_file=job.result_file.name or "",
        done=F("total"),
        finished_at=timezone.now(),
        heartbeat_at=timezone.now(),
    )
    _job_notify(job, succeeded=True)
    return Job.objects.get(pk=job.pk)


def _job_notify(job: Job, *, succeeded: bool) -> None:
    registered = job_kind(job.kind)
    label = str(registered.label) if registered else job.kind
    if succeeded:
        title = _("%(job)s is ready") % {"job": label}
        level = Notification.Level.SUCCESS
    else:
        title = _("%(job)s failed") % {"job": label}
        level = Notification.Level.DANGER
    notification_send(
        recipients=[job.requested_by],
        title=title,
        url=reverse("backoffice:job-detail", args=[job.pk]),
        level=level,
        source="backoffice.job",
    )


def jobs_stale() -> list[str]:
    """Ids of jobs that should be running but nobody is working on."""
    stale = timezone.now() - settings.JOB_STALE_AFTER
    return [
        str(pk)
        for pk in Job.objects.filter(
            Q(status=Job.Status.QUEUED, created_at__lt=stale)
            | Q(status=Job.Status.RUNNING, heartbeat_at__lt=stale)
        ).values_list("pk", flat=True)[:500]
    ]


# Notifications ---------------------------------------------------------------


def notification_send(
    *,
    recipients: Iterable,
    title: str,
    body: str = "",
    url: str = "",
    level: str = Notification.Level.INFO,
    source: str = "",
    email: bool = False,
) -> list[Notification]:
    """Notify each recipient in the app, and by email when asked, after commit."""
    from backoffice.tasks import notification_email_task

    notifications = [
        Notification(
            recipient=user, title=title[:200], body=body, url=url, level=level, source=source
        )
        for user in {u.pk: u for u in recipients}.values()
    ]
    for notification in notifications:
        notification.full_clean(exclude=["recipient"])
    created = Notification.objects.bulk_create(notifications)
    if email and created:
        ids = [n.pk for n in created]
        transaction.on_commit(lambda: notification_email_task.delay(ids))
    return created


def notification_send_to_group(*, group: str, **kwargs) -> list[Notification]:
    """Notify every active member of a role's group."""
    recipients = User.objects.filter(groups__name=group, is_active=True).distinct()
    return notification_send(recipients=recipients, **kwargs)


def notification_email(*, notification_ids: list[int]) -> int:
    """Email each notification once, however often this runs; returns the count sent.

    A message the mail server refuses is kept by the outbox and sent by a retry.
    """
    sent = 0
    pending = Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True
    ).select_related("recipient")
    for notification in pending:
        if not notification.recipient.email:
            continue
        try:
            sent += mail_send(
                key=f"backoffice.notification:{notification.pk}",
                to=[notification.recipient.email],
                subject=notification.title,
                body=notification.body or notification.title,
                claim=MailClaim(notification, "emailed_at"),
            )
        except MAIL_ERRORS:
            continue  # recorded with its error; the others still go
    return sent


def notification_mark_read(*, user, notification_id: int) -> bool:
    return bool(
        Notification.objects.filter(
            pk=notification_id, recipient=user, read_at__isnull=True
        ).update(read_at=timezone.now())
    )


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notifications_prune(*, older_than_days: int = 180) -> int:
    """Delete read notifications older than the given age."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _by_model = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=cutoff
    ).delete()
    return deleted
