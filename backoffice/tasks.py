"""Thin Celery tasks of the core: they take ids and call a service."""

from celery import shared_task

from backoffice import jobs, mail, services


@shared_task(name="backoffice.tasks.job_run_task")
def job_run_task(job_id: str) -> None:
    services.job_run(job_id=job_id)


@shared_task(
    name="backoffice.tasks.job_chunk_run_task",
    acks_late=True,
    reject_on_worker_lost=True,
)
def job_chunk_run_task(chunk_id: int) -> bool:
    """One chunk of a chunked job; a no-op once another worker did it."""
    return jobs.job_chunk_run(chunk_id=chunk_id)


@shared_task(name="backoffice.tasks.job_requeue_stale_task")
def job_requeue_stale_task() -> int:
    """Hand jobs that lost their worker (or their message) to a worker again."""
    job_ids = services.jobs_stale()
    for job_id in job_ids:
        job_run_task.delay(job_id)
    return len(job_ids)


@shared_task(name="backoffice.tasks.notification_email_task")
def notification_email_task(notification_ids: list[int]) -> int:
    return services.notification_email(notification_ids=notification_ids)


@shared_task(name="backoffice.tasks.notification_prune_task")
def notification_prune_task() -> int:
    return services.notifications_prune()


@shared_task(name="backoffice.tasks.mail_retry_task")
def mail_retry_task() -> int:
    """Send the emails whose next attempt is due."""
    return mail.mail_retry_due()


@shared_task(name="backoffice.tasks.mail_prune_task")
def mail_prune_task() -> int:
    return mail.mail_prune()
