"""Thin Celery tasks of IT: they call services and are safe to run twice."""

from celery import shared_task

from it_support.services import licences as licences_services
from it_support.services import maintenance as maintenance_services
from it_support.services.sla import tickets_autoclose, tickets_escalate


@shared_task(name="it_support.tasks.licences_expiry_remind_task")
def licences_expiry_remind_task() -> int:
    return licences_services.licences_expiry_remind()


@shared_task(name="it_support.tasks.maintenance_overdue_remind_task")
def maintenance_overdue_remind_task() -> int:
    return maintenance_services.maintenance_overdue_remind()


@shared_task
def tickets_escalate_task():
    return tickets_escalate()


@shared_task
def tickets_autoclose_task():
    return tickets_autoclose()
