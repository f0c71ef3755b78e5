"""Thin Celery tasks of accounting: they take ids and call a service."""

from celery import shared_task

from accounting.services import purchasing


@shared_task(
    name="accounting.tasks.purchase_order_email_task",
    autoretry_for=(OSError,),
    retry_backoff=60,
    max_retries=5,
)
def purchase_order_email_task(order_id: int) -> bool:
    """Email a sent order's PDF to its supplier (once: the service claims it)."""
    return purchasing.purchase_order_email(order_id=order_id)
