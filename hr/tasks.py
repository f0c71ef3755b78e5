"""Thin Celery tasks of HR: they call services and are safe to run twice."""

from celery import shared_task

from hr import services


@shared_task(name="hr.tasks.documents_expiry_notify_task")
def documents_expiry_notify_task() -> int:
    return services.documents_expiry_notify()


@shared_task(name="hr.tasks.employee_imports_prune_task")
def employee_imports_prune_task() -> int:
    return services.employee_imports_prune()
