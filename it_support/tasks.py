from celery import shared_task

from it_support.services.sla import tickets_autoclose, tickets_escalate


@shared_task
def tickets_escalate_task():
    return tickets_escalate()


@shared_task
def tickets_autoclose_task():
    return tickets_autoclose()
