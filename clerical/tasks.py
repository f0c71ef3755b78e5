"""Thin Celery tasks of the clerical office: they call services and are safe to run twice."""

from celery import shared_task

from clerical.services import messages as messages_services


@shared_task(name="clerical.tasks.messages_remind_overdue_task")
def messages_remind_overdue_task() -> int:
    return messages_services.messages_remind_overdue()
