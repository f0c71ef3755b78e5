"""Sending an approved order: a PDF, emailed to the supplier after commit."""

import re
import zlib
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from accounting.models.payables import PurchaseOrder
from accounting.services.purchasing import (
    PurchasingError,
    purchase_order_email,
    purchase_order_send,
    purchase_order_submit,
)
from tests.accounting.factories import SupplierFactory, make_order, order_lines

Status = PurchaseOrder.Status


def pdf_text(pdf: bytes) -> bytes:
    """The PDF's streams inflated: page content, fonts' text maps and metadata."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(chunks)


@pytest.fixture
def approved(role_users, settings):
    settings.PURCHASE_APPROVAL_THRESHOLD = Decimal("5000.00")
    supplier = SupplierFactory(name="Fabrica de Mobilă SA", email="orders@fabrica.example")
    order = make_order(
        by=role_users["accountant"], supplier=supplier, lines=order_lines(("3", "12.50"))
    )
    return purchase_order_submit(by=role_users["accountant"], order=order)


def test_sending_emails_the_pdf_to_the_supplier_after_commit(
    role_users, approved, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        purchase_order_send(by=role_users["accountant"], order=approved)
        assert mail.outbox == []  # nothing leaves before the transaction commits

    for callback in callbacks:
        callback()

    approved.refresh_from_db()
    assert approved.status == Status.SENT
    assert approved.sent_at is not None
    [message] = mail.outbox
    assert message.to == ["orders@fabrica.example"]
    assert approved.number in message.subject
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"{approved.number}.pdf"
    assert mimetype == "application/pdf"
    assert content.startswith(b"%PDF")
    assert approved.number.encode() in pdf_text(content)


def test_the_email_task_run_twice_sends_one_email(
    role_users, approved, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        purchase_order_send(by=role_users["accountant"], order=approved)

    assert purchase_order_email(order_id=approved.pk) is False
    assert len(mail.outbox) == 1


def test_a_failed_email_is_given_back_for_a_retry(role_users, approved, settings):
    purchase_order_send(by=role_users["accountant"], order=approved)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    with pytest.raises(OSError):
        purchase_order_email(order_id=approved.pk)

    approved.refresh_from_db()
    assert approved.sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert purchase_order_email(order_id=approved.pk) is True
    assert len(mail.outbox) == 1


def test_a_supplier_without_email_is_refused_before_anything_changes(role_users, approved):
    approved.supplier.email = ""
    approved.supplier.save()

    with pytest.raises(PurchasingError, match="no email address"):
        purchase_order_send(by=role_users["accountant"], order=approved)

    approved.refresh_from_db()
    assert approved.status == Status.APPROVED


def test_accounting_users_download_the_pdf(client, role_users, approved):
    client.force_login(role_users["controller"])

    response = client.get(reverse("accounting:purchaseorder-pdf", kwargs={"pk": approved.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{approved.number}.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    assert approved.number.encode() in pdf_text(response.content)


def test_the_send_button_sends_and_says_so(
    client, role_users, approved, django_capture_on_commit_callbacks
):
    client.force_login(role_users["accountant"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounting:purchaseorder-send", kwargs={"pk": approved.pk}), follow=True
        )

    assert response.status_code == 200
    assert "is sent" in response.content.decode()
    assert len(mail.outbox) == 1
