"""The core's mail helper against a real SMTP server (aiosmtpd in its own process):
a refused message is kept with its error, sent once by a retry, and never again."""

import smtplib
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounting.services.payslip_documents import payslip_documents_start
from accounting.services.purchasing import (
    purchase_order_email,
    purchase_order_send,
    purchase_order_submit,
)
from backoffice import roles, services
from backoffice.mail import mail_retry_due, mail_retry_now, mail_send
from backoffice.models import Job, OutboxAttachment, OutboxMessage
from backoffice.tasks import mail_retry_task, notification_email_task
from hr.services.onboarding import onboarding_start, onboarding_welcome_email
from tests.accounting.factories import SupplierFactory, make_order, order_lines
from tests.factories import UserFactory

Status = OutboxMessage.Status


def later(minutes: float):
    return timezone.now() + timedelta(minutes=minutes)


def test_a_refused_email_is_kept_with_its_error_and_sent_once_by_a_retry(role_users, smtp_server):
    [note] = services.notification_send(
        recipients=[role_users["hr"]], title="Review the offer", body="Ana accepted."
    )

    assert notification_email_task([note.pk]) == 0  # refused: 451

    note.refresh_from_db()
    assert note.emailed_at is None  # the claim was given back
    kept = OutboxMessage.objects.get(key=f"backoffice.notification:{note.pk}")
    assert kept.status == Status.RETRY and kept.attempts == 1
    assert "451" in kept.last_error and "Try again later" in kept.last_error
    assert kept.body == "Ana accepted."
    assert later(0.9) < kept.next_attempt_at < later(1.1)
    assert smtp_server.messages() == []

    assert mail_retry_due() == 0  # not due yet
    assert mail_retry_due(now=later(2)) == 1

    [message] = smtp_server.messages()
    assert message["To"] == "hr@example.com"
    assert message["Subject"] == "Review the offer"
    assert message.get_content().strip() == "Ana accepted."
    note.refresh_from_db()
    kept.refresh_from_db()
    assert note.emailed_at is not None
    assert kept.status == Status.SENT and kept.attempts == 2 and kept.sent_at is not None
    assert kept.body == ""  # not kept once sent
    # Every way of sending it again sends nothing more.
    assert mail_retry_due(now=later(60)) == 0
    assert notification_email_task([note.pk]) == 0
    assert mail_retry_task() == 0
    assert len(smtp_server.messages()) == 1


@pytest.mark.parametrize("smtp_server", [0], indirect=True)
def test_a_message_sent_at_once_is_logged_without_its_body(role_users, smtp_server):
    [note] = services.notification_send(recipients=[role_users["it"]], title="Patch tonight")

    assert notification_email_task([note.pk]) == 1
    assert notification_email_task([note.pk]) == 0

    assert len(smtp_server.messages()) == 1
    kept = OutboxMessage.objects.get(key=f"backoffice.notification:{note.pk}")
    assert (kept.status, kept.attempts, kept.body, kept.last_error) == (Status.SENT, 1, "", "")
    assert kept.to == ["it@example.com"] and kept.subject == "Patch tonight"


def test_the_same_key_is_sent_once_without_a_record_to_claim(db, smtp_server):
    args = {"key": "test.once", "to": ["a@example.com"], "subject": "Once", "body": "."}

    with pytest.raises(smtplib.SMTPDataError):
        mail_send(**args)
    assert mail_send(**args) is True  # the caller's own retry sends it now
    assert mail_send(**args) is False
    assert mail_retry_due(now=later(60)) == 0
    assert len(smtp_server.messages()) == 1


@pytest.mark.parametrize("smtp_server", [99], indirect=True)
def test_the_wait_doubles_after_each_refusal_until_the_last_attempt(db, smtp_server, settings):
    settings.MAIL_MAX_ATTEMPTS = 4
    with pytest.raises(smtplib.SMTPDataError):
        mail_send(key="test.backoff", to=["a@example.com"], subject="Backoff", body=".")
    kept = OutboxMessage.objects.get(key="test.backoff")
    waits = []
    for _attempt in range(3):
        before = kept.next_attempt_at
        assert mail_retry_due(now=before) == 0  # refused again
        kept.refresh_from_db()
        if kept.next_attempt_at:
            waits.append(round((kept.next_attempt_at - timezone.now()).total_seconds() / 60))
    assert waits == [2, 4]
    assert kept.status == Status.FAILED and kept.attempts == 4
    assert "451" in kept.last_error
    assert mail_retry_due(now=later(60 * 24)) == 0  # given up: no more tries

    # An administrator sends it again: due now, tried by the next retry.
    assert mail_retry_now(message_ids=[kept.pk]) == 1
    kept.refresh_from_db()
    assert kept.status == Status.RETRY and kept.next_attempt_at <= timezone.now()
    assert smtp_server.messages() == []


@pytest.fixture
def approved_order(role_users, settings):
    settings.PURCHASE_APPROVAL_THRESHOLD = Decimal("5000.00")
    supplier = SupplierFactory(name="Fabrica SA", email="orders@fabrica.example")
    order = make_order(
        by=role_users["accountant"], supplier=supplier, lines=order_lines(("3", "12.50"))
    )
    return purchase_order_submit(by=role_users["accountant"], order=order)


def test_a_refused_purchase_order_reaches_the_supplier_once_with_its_pdf(
    role_users, approved_order, smtp_server
):
    order = purchase_order_send(by=role_users["accountant"], order=approved_order)

    with pytest.raises(smtplib.SMTPDataError):
        purchase_order_email(order_id=order.pk)

    order.refresh_from_db()
    assert order.sent_at is None
    kept = OutboxMessage.objects.get(key=f"accounting.purchase_order:{order.pk}")
    [stored] = kept.attachments.all()
    assert stored.filename == f"{order.number}.pdf" and bytes(stored.content)[:5] == b"%PDF-"

    assert mail_retry_due(now=later(2)) == 1
    assert purchase_order_email(order_id=order.pk) is False
    assert mail_retry_due(now=later(60)) == 0

    [message] = smtp_server.messages()
    assert message["To"] == "orders@fabrica.example"
    assert message["Reply-To"] == "accountant@example.com"
    assert order.number in message["Subject"]
    [pdf] = list(message.iter_attachments())
    assert pdf.get_filename() == f"{order.number}.pdf"
    assert pdf.get_content().startswith(b"%PDF-")
    order.refresh_from_db()
    assert order.sent_at is not None
    assert not OutboxAttachment.objects.exists()  # dropped once sent


def test_a_refused_welcome_email_keeps_its_link_until_a_retry_sends_it(role_users, smtp_server):
    employee = role_users["employee"].employee
    checklist = onboarding_start(by=role_users["hr"], employee=employee)

    with pytest.raises(smtplib.SMTPDataError):
        onboarding_welcome_email(checklist_id=checklist.pk, site_url="http://t/")
    checklist.refresh_from_db()
    assert checklist.welcome_sent_at is None

    assert mail_retry_due(now=later(2)) == 1
    assert onboarding_welcome_email(checklist_id=checklist.pk, site_url="http://t/") is False
    [message] = smtp_server.messages()
    assert message["To"] == "employee@example.com"
    assert "http://t/accounts/reset/" in message.get_content()
    checklist.refresh_from_db()
    assert checklist.welcome_sent_at is not None


def test_a_refused_payslip_does_not_stop_the_job_and_goes_once(db, smtp_server):
    from tests.accounting.test_payroll_runs import staff
    from tests.accounting.test_payslip_documents import approved_run

    staff()
    calculator = UserFactory(username="payroll-accountant", roles=[roles.ACCOUNTANT])
    approver = UserFactory(username="payroll-approver", roles=[roles.PAYROLL_APPROVER])
    run = approved_run(calculator, approver, month=date(2026, 3, 1))

    job = services.job_run(job_id=run.documents_job_id)
    mail_retry_due(now=later(2))  # whatever the job left for the retry

    assert job.status == Job.Status.SUCCEEDED, job.error
    [refused] = OutboxMessage.objects.exclude(last_error="")
    assert refused.status == Status.SENT and refused.attempts == 2
    assert "451" in refused.last_error
    messages = smtp_server.messages()
    assert len(messages) == 3
    assert len({m["To"] for m in messages}) == 3
    for message in messages:
        assert next(message.iter_attachments()).get_content().startswith(b"%PDF-")
    assert not run.payslips.filter(emailed_at__isnull=True).exists()
    again = services.job_run(job_id=payslip_documents_start(by=calculator, run=run).pk)
    assert again.result["emailed"] == 3
    assert mail_retry_due(now=later(60)) == 0
    assert len(smtp_server.messages()) == 3


def test_the_admin_lists_messages_with_their_errors_and_sends_one_again(
    client, role_users, smtp_server, django_capture_on_commit_callbacks
):
    with pytest.raises(smtplib.SMTPDataError):
        mail_send(key="test.admin", to=["a@example.com"], subject="Seen in admin", body=".")
    kept = OutboxMessage.objects.get(key="test.admin")
    client.force_login(role_users["admin"])
    changelist = reverse("admin:backoffice_outboxmessage_changelist")

    listing = client.get(changelist, {"q": "a@example"})
    detail = client.get(reverse("admin:backoffice_outboxmessage_change", args=[kept.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        action = client.post(changelist, {"action": "retry_now", "_selected_action": [kept.pk]})

    assert listing.status_code == 200 and b"Seen in admin" in listing.content
    assert detail.status_code == 200 and b"Try again later" in detail.content
    assert action.status_code == 302
    kept.refresh_from_db()
    assert kept.status == Status.SENT
    assert len(smtp_server.messages()) == 1


def test_retries_run_every_minute_from_the_one_beat_schedule():
    from backoffice.celery import app

    [entry] = [e for e in app.conf.beat_schedule.values() if e["task"] == mail_retry_task.name]
    assert entry["schedule"].minute == set(range(60))
