"""Thin Celery tasks of HR: they call services and are safe to run twice."""

from datetime import date

from celery import shared_task

from hr.services import dismissals as dismissals_services
from hr.services import documents as documents_services
from hr.services import imports as imports_services
from hr.services import training_reminders as training_reminders_services
from hr.services.onboarding import onboarding_welcome_email


@shared_task(name="hr.tasks.documents_expiry_notify_task")
def documents_expiry_notify_task() -> int:
    return documents_services.documents_expiry_notify()


@shared_task(name="hr.tasks.employee_imports_prune_task")
def employee_imports_prune_task() -> int:
    return imports_services.employee_imports_prune()


@shared_task(name="hr.tasks.employees_deactivate_departed_task")
def employees_deactivate_departed_task(today: str | None = None) -> int:
    """Close the logins of people whose last working day has passed (daily).

    `today` (ISO date) lets an operator catch up a missed day; beat sends none.
    """
    on = date.fromisoformat(today) if today else None
    return dismissals_services.employees_deactivate_departed(today=on)


@shared_task(name="hr.tasks.training_reminders_task")
def training_reminders_task() -> dict:
    """Daily: remind of overdue and expiring training, re-assign expiring mandatory courses."""
    return training_reminders_services.training_reminders_send()


@shared_task(name="hr.tasks.onboarding_welcome_email_task")
def onboarding_welcome_email_task(checklist_id: int, site_url: str) -> bool:
    return onboarding_welcome_email(checklist_id=checklist_id, site_url=site_url)


@shared_task(name="hr.tasks.leave_daily_task")
def leave_daily_task(today: str | None = None) -> dict:
    """Daily: expire carried-over days past their deadline, send leave_started/leave_ended."""
    from hr.services import leave_year_end as leave_year_end_services

    on = date.fromisoformat(today) if today else None
    expired = leave_year_end_services.leave_carried_expire(today=on)
    return {"expired": expired, **leave_year_end_services.leave_events_send(today=on)}


@shared_task(name="hr.tasks.leave_year_end_task")
def leave_year_end_task(year: int | None = None) -> dict:
    """On 1 January: carry over or expire last year's unused days and accrue the new year."""
    from django.utils import timezone

    from hr.services import leave_year_end as leave_year_end_services

    year = year or timezone.localdate().year - 1
    return leave_year_end_services.leave_year_end(year=year)
