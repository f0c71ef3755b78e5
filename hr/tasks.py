"""Thin Celery tasks of HR: they call a service."""

from celery import shared_task

from hr import services


@shared_task(name="hr.tasks.employees_deactivate_departed_task")
def employees_deactivate_departed_task() -> int:
    """Close the logins of people whose last working day has passed (daily)."""
    return services.employees_deactivate_departed()
