"""Thin Celery tasks of HR: they take ids and call a service."""

from celery import shared_task

from hr.services.onboarding import onboarding_welcome_email


@shared_task(name="hr.tasks.onboarding_welcome_email_task")
def onboarding_welcome_email_task(checklist_id: int, site_url: str) -> bool:
    return onboarding_welcome_email(checklist_id=checklist_id, site_url=site_url)
