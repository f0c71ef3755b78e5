"""The mail helper with real Celery worker processes: two of them retry the
same refused emails and each goes once; a worker killed while it sends leaves
the email to the next retry."""

import time

import pytest
from django.utils import timezone

from backoffice import services
from backoffice.mail import mail_retry_due
from backoffice.models import Notification, OutboxMessage
from backoffice.tasks import mail_retry_task
from tests.backoffice.test_job_worker import worker_start, worker_stop
from tests.factories import UserFactory
from tests.smtp import SmtpServer

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def refused_notifications(count: int) -> list[Notification]:
    """Notifications whose email the server refused, each due for a retry now."""
    users = [UserFactory(username=f"mail-worker-{n}") for n in range(count)]
    notes = services.notification_send(recipients=users, title="Pay day moved")
    assert services.notification_email(notification_ids=[n.pk for n in notes]) == 0
    assert OutboxMessage.objects.filter(status="retry").count() == count
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    return notes


def wait_until(condition, *, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"still waiting after {timeout}s")


@pytest.mark.parametrize("smtp_server", [6], indirect=True)
def test_two_worker_processes_retry_each_refused_email_once(settings, worker_queue, smtp_server):
    notes = refused_notifications(6)
    env = {"EMAIL_URL": f"smtp://127.0.0.1:{smtp_server.port}"}
    worker = worker_start(settings, worker_queue, env=env, concurrency=2)
    try:
        for _ in range(4):
            mail_retry_task.delay()
        wait_until(lambda: not OutboxMessage.objects.filter(status="retry").exists())
        time.sleep(2)  # let the other deliveries run and find nothing to do
    finally:
        print(worker_stop(worker))

    messages = smtp_server.messages()
    assert sorted(m["To"] for m in messages) == sorted(n.recipient.email for n in notes)
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {("sent", 2)}
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_a_worker_killed_while_sending_leaves_the_email_to_the_next_retry(
    settings, worker_queue, smtp_server, tmp_path
):
    [note] = refused_notifications(1)
    stuck = SmtpServer.start(spool=tmp_path / "stuck", hang=True)
    env = {"EMAIL_URL": f"smtp://127.0.0.1:{stuck.port}"}
    worker = worker_start(settings, worker_queue, env=env)
    try:
        mail_retry_task.delay()
        wait_until(lambda: stuck.hung)  # the worker is in the middle of the message
        worker.kill()
        worker.wait(timeout=20)
    finally:
        print(worker_stop(worker))
        stuck.stop()

    # Its transaction died with it: the email waits, the notification is unclaimed.
    kept = OutboxMessage.objects.get()
    assert (kept.status, kept.attempts) == ("retry", 1)
    note.refresh_from_db()
    assert note.emailed_at is None
    assert mail_retry_due() == 1
    assert [m["To"] for m in smtp_server.messages()] == [note.recipient.email]
    assert not list(stuck.spool.glob("*.eml"))
    note.refresh_from_db()
    assert note.emailed_at is not None
