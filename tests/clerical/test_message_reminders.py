"""Overdue call-backs are reminded once per message and due time, however often beat runs."""

from datetime import timedelta

from django.utils import timezone

from backoffice.celery import app
from backoffice.models import Notification
from clerical.models.phones import PhoneMessage
from clerical.tasks import messages_remind_overdue_task
from tests.clerical.factories import PhoneMessageFactory
from tests.factories import EmployeeFactory, UserFactory


def test_the_reminder_is_declared_in_the_beat_schedule():
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "clerical.tasks.messages_remind_overdue_task" in tasks


def test_an_overdue_call_back_is_reminded_once_and_again_when_its_time_moves(db):
    now = timezone.now()
    recipient = EmployeeFactory(user=UserFactory())
    overdue = PhoneMessageFactory(recipient=recipient, call_back_by=now - timedelta(minutes=5))
    PhoneMessageFactory(recipient=recipient, call_back_by=now + timedelta(hours=1))
    PhoneMessageFactory(
        recipient=recipient,
        call_back_by=now - timedelta(hours=1),
        status=PhoneMessage.Status.DONE,
    )

    assert messages_remind_overdue_task.apply().get() == 1
    assert messages_remind_overdue_task.apply().get() == 0
    assert Notification.objects.filter(source="clerical.message_overdue").count() == 1

    # A new call-back time is a new due time: one more reminder when it passes.
    PhoneMessage.objects.filter(pk=overdue.pk).update(call_back_by=now - timedelta(minutes=1))
    assert messages_remind_overdue_task.apply().get() == 1
    assert messages_remind_overdue_task.apply().get() == 0
    assert (
        Notification.objects.filter(
            source="clerical.message_overdue", recipient=recipient.user
        ).count()
        == 2
    )
