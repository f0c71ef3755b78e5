"""Thin Celery tasks of accounting: they take ids, call a service, and are safe to run twice."""

from celery import shared_task

from accounting.services import pay as pay_services
from accounting.services import purchasing
from accounting.services.supplier_bill_reminders import supplier_bill_reminders_send


@shared_task(name="accounting.tasks.supplier_bill_reminders_task")
def supplier_bill_reminders_task() -> dict:
    """Daily: tell the accountants of bills falling due and overdue, once per bill and state."""
    return supplier_bill_reminders_send()


@shared_task(name="accounting.tasks.purchase_order_email_task")
def purchase_order_email_task(order_id: int) -> bool:
    """Email a sent order's PDF to its supplier (once: the service claims it).

    A refused send is retried by the core's outbox (`retry-mail`), not by the
    task, so there is one retry schedule for every email."""
    return purchasing.purchase_order_email(order_id=order_id)


@shared_task(name="accounting.tasks.timesheet_reminders_task")
def timesheet_reminders_task() -> dict:
    """Daily: near the month's end, remind (once a month) who has a timesheet to
    submit or to approve."""
    return pay_services.timesheet_reminders_send()
