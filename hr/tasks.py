"""Thin Celery tasks of HR: they call services."""

from celery import shared_task

from hr import services


@shared_task(name="hr.tasks.training_reminders_task")
def training_reminders_task() -> dict:
    """Daily: remind of overdue and expiring training, re-assign expiring mandatory courses."""
    return services.training_reminders_send()
