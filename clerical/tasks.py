"""Clerical's Celery tasks: thin, by id, safe to deliver twice."""

from celery import shared_task
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import roles
from backoffice.services import notification_send_to_group
from clerical.selectors.documents import documents_due_for_review
from clerical.services import messages as messages_services
from clerical.services.documents import document_version_extract, documents_extract_pending


@shared_task(acks_late=True)
def document_version_extract_task(version_id: int) -> bool:
    return document_version_extract(version_id=version_id)


@shared_task
def documents_review_due_task() -> int:
    """Tell the clerks which documents reached their keep-until date (the list is the review)."""
    due = documents_due_for_review(timezone.localdate())
    count = due.count()
    if count:
        notification_send_to_group(
            group=roles.CLERK,
            title=_("%(count)d documents are due for a retention review") % {"count": count},
            source="clerical.documents_review_due",
        )
    return count


@shared_task
def documents_extract_pending_task() -> int:
    return documents_extract_pending()


@shared_task(name="clerical.tasks.messages_remind_overdue_task")
def messages_remind_overdue_task() -> int:
    return messages_services.messages_remind_overdue()
