"""The beat task lists documents past their keep-until date for the clerks."""

from datetime import timedelta

from django.utils import timezone

from backoffice.celery import app
from clerical.tasks import documents_review_due_task
from tests.clerical.conftest import file_one


def test_documents_past_keep_until_are_listed_for_review(filing):
    today = timezone.localdate()
    clerk = filing.people.clerk
    file_one(by=clerk, folder=filing.sales_folder, keep_until=today - timedelta(days=1))
    file_one(by=clerk, folder=filing.sales_folder, keep_until=today + timedelta(days=30))
    assert documents_review_due_task() == 1
    notification = clerk.notifications.get(source="clerical.documents_review_due")
    assert "1" in notification.title


def test_the_review_task_is_on_the_beat_schedule():
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "clerical.tasks.documents_review_due_task" in tasks
