"""Thin Celery tasks of accounting: they call a service and are safe to run twice."""

from celery import shared_task

from accounting import services


@shared_task(name="accounting.tasks.supplier_bill_reminders_task")
def supplier_bill_reminders_task() -> dict:
    """Daily: tell the accountants of bills falling due and overdue, once per bill and state."""
    return services.supplier_bill_reminders_send()
