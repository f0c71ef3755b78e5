"""Mail that is never lost and never sent twice.

Every email of the product leaves through `mail_send`, called by a task
(never inside another transaction):

    mail_send(
        key=f"accounting.payslip:{payslip.pk}",
        to=[address],
        subject=subject,
        body=body,
        attachments=[MailAttachment(filename, pdf, "application/pdf")],
        claim=MailClaim(payslip, "emailed_at"),
    )

One attempt is one transaction: take the claim (the domain row's date field,
with a conditional UPDATE), write the message's row in the outbox (its key is
unique), hand the message to the mail server, commit. Two workers never both
send: the second waits on the first one's row locks and then finds the claim
taken. A failure rolls all of it back (the claim is given back), then records
the message with its error and the time of the next attempt, doubling the
wait each time; `mail_retry_due` (celery beat, every minute) sends it then. A
worker killed halfway leaves nothing half done: PostgreSQL rolls its
transaction back, and the task that called it is delivered again.

The one window no mail system closes: the server accepted the message and
the worker died before its commit; the message then goes a second time.
"""

import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from backoffice.models import OutboxAttachment, OutboxMessage

logger = logging.getLogger(__name__)

Status = OutboxMessage.Status

# What a mail backend raises when a message did not go: callers that send
# many messages catch these and go on (the message is kept for a retry).
MAIL_ERRORS = (smtplib.SMTPException, OSError)

RETRY_FIRST_DELAY = timedelta(minutes=1)
RETRY_LONGEST_DELAY = timedelta(hours=6)
MAX_ATTEMPTS = 10


@dataclass(frozen=True)
class MailAttachment:
    filename: str
    content: bytes
    mimetype: str = "application/octet-stream"


@dataclass(frozen=True)
class MailClaim:
    """The domain row that records that the message went: its `field` (a date)
    is empty until then, set in the transaction that sends the message."""

    instance: models.Model
    field: str


def mail_send(
    *,
    key: str,
    to: list[str],
    subject: str,
    body: str,
    attachments: Sequence[MailAttachment] = (),
    reply_to: Sequence[str] = (),
    claim: MailClaim | None = None,
) -> bool:
    """Send one message now, at most once for its `key` (and its claim).

    True when this call sent it; False when it went already or another
    worker holds it. When sending fails, the message is kept for a retry with
    its error and the error is raised.
    """
    row = OutboxMessage(
        key=key,
        to=list(to),
        reply_to=list(reply_to),
        subject=str(subject),
        attachment_names=[attachment.filename for attachment in attachments],
    )
    if claim is not None:
        row.claim_model = claim.instance._meta.label_lower
        row.claim_pk = str(claim.instance.pk)
        row.claim_field = claim.field
    message = EmailMessage(subject=row.subject, body=body, to=row.to, reply_to=row.reply_to)
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    try:
        sent_at = _first_attempt(row=row, message=message)
    except Exception as exc:
        _record_failure(row=row, body=body, attachments=attachments, error=exc)
        raise
    if sent_at is None:
        return False
    if claim is not None:
        setattr(claim.instance, claim.field, sent_at)
    return True


def _first_attempt(*, row: OutboxMessage, message: EmailMessage) -> datetime | None:
    """Claim, record as sent, send, in one transaction; the time sent, or None."""
    now = timezone.now()
    with transaction.atomic():
        if row.claim_model and not _claim(row, now):
            return None
        row.status, row.attempts, row.sent_at = Status.SENT, 1, now
        try:
            with transaction.atomic():
                # No full_clean(): its unique check would read; the index decides.
                row.save(force_insert=True)
        except IntegrityError:
            # The key is known: send it now only if it waits for a retry.
            if not _take_for_sending(OutboxMessage.objects.filter(key=row.key), now):
                transaction.set_rollback(True)
                return None
        message.send()
    return now


def _claim(row: OutboxMessage, now: datetime) -> bool:
    model = apps.get_model(row.claim_model)
    return bool(
        model._default_manager.filter(
            pk=row.claim_pk, **{f"{row.claim_field}__isnull": True}
        ).update(**{row.claim_field: now})
    )


def _take_for_sending(messages, now: datetime) -> bool:
    """Mark a waiting message sent (this transaction sends it) and drop its
    stored content; False when it is not waiting."""
    taken = messages.filter(status__in=[Status.RETRY, Status.FAILED]).update(
        status=Status.SENT,
        attempts=F("attempts") + 1,
        sent_at=now,
        next_attempt_at=None,
        body="",
    )
    if taken:
        OutboxAttachment.objects.filter(message__in=messages).delete()
    return bool(taken)


@transaction.atomic
def _record_failure(*, row, body: str, attachments, error: Exception) -> None:
    """Keep the message to retry it: content, error, when to try again."""
    now = timezone.now()
    error_text = f"{error.__class__.__name__}: {error}"[:2000]
    row.pk = None
    row._state.adding = True
    row.status, row.attempts, row.sent_at = Status.RETRY, 1, None
    row.body, row.last_error = body, error_text
    row.next_attempt_at = now + _delay(1)
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:
        row = OutboxMessage.objects.select_for_update().get(key=row.key)
        if row.status in (Status.SENT, Status.SKIPPED):
            return  # another worker sent it meanwhile
        _count_failure(row, error_text, now)
        return
    OutboxAttachment.objects.bulk_create(
        OutboxAttachment(message=row, filename=a.filename, mimetype=a.mimetype, content=a.content)
        for a in attachments
    )
    _log_retry(row)


def _count_failure(row: OutboxMessage, error_text: str, now: datetime) -> None:
    row.attempts += 1
    row.last_error = error_text
    if row.attempts >= _max_attempts():
        row.status, row.next_attempt_at = Status.FAILED, None
        logger.error("Email %s given up after %s attempts: %s", row.key, row.attempts, error_text)
    else:
        row.status, row.next_attempt_at = Status.RETRY, now + _delay(row.attempts)
        _log_retry(row)
    row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def _log_retry(row: OutboxMessage) -> None:
    logger.warning(
        "Email %s not sent, retry at %s: %s", row.key, row.next_attempt_at, row.last_error
    )


def _delay(attempts: int) -> timedelta:
    """The wait after the n-th failed attempt: 1, 2, 4 ... minutes, at most 6 hours."""
    first = getattr(settings, "MAIL_RETRY_FIRST_DELAY", RETRY_FIRST_DELAY)
    return min(first * 2 ** (attempts - 1), RETRY_LONGEST_DELAY)


def _max_attempts() -> int:
    return getattr(settings, "MAIL_MAX_ATTEMPTS", MAX_ATTEMPTS)


# Retries --------------------------------------------------------------------


def mail_retry_due(*, now: datetime | None = None, limit: int = 200) -> int:
    """Send the messages whose next attempt is due; returns how many went."""
    now = now or timezone.now()
    due = (
        OutboxMessage.objects.filter(status=Status.RETRY, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(_retry(message_id=pk, now=now) for pk in list(due))


def _retry(*, message_id: int, now: datetime) -> bool:
    row = (
        OutboxMessage.objects.filter(pk=message_id, status=Status.RETRY, next_attempt_at__lte=now)
        .prefetch_related("attachments")
        .first()
    )
    if row is None:
        return False
    message = EmailMessage(subject=row.subject, body=row.body, to=row.to, reply_to=row.reply_to)
    for attachment in row.attachments.all():
        message.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    try:
        with transaction.atomic():
            # The claim first, as a first attempt takes it: the same lock order.
            if row.claim_model and not _claim(row, timezone.now()):
                _skip(row)
                return False
            if not _take_for_sending(OutboxMessage.objects.filter(pk=row.pk), timezone.now()):
                transaction.set_rollback(True)
                return False
            message.send()
    except Exception as exc:
        with transaction.atomic():
            waiting = (
                OutboxMessage.objects.select_for_update()
                .filter(pk=row.pk, status=Status.RETRY)
                .first()
            )
            if waiting is not None:  # not sent meanwhile, nor deleted
                _count_failure(waiting, f"{exc.__class__.__name__}: {exc}"[:2000], timezone.now())
        return False
    return True


def _skip(row: OutboxMessage) -> None:
    """The record says the message went already (it was recorded by hand, or
    another worker sent it): nothing to send."""
    OutboxMessage.objects.filter(pk=row.pk, status=Status.RETRY).update(
        status=Status.SKIPPED, next_attempt_at=None, body=""
    )
    OutboxAttachment.objects.filter(message=row).delete()


@transaction.atomic
def mail_retry_now(*, message_ids) -> int:
    """Make waiting or given-up messages due and send them after commit (an
    administrator's retry); returns how many were made due."""
    from backoffice.tasks import mail_retry_task

    due = OutboxMessage.objects.filter(
        pk__in=message_ids, status__in=[Status.RETRY, Status.FAILED]
    ).update(status=Status.RETRY, next_attempt_at=timezone.now())
    if due:
        transaction.on_commit(mail_retry_task.delay)
    return due


def mail_prune(*, older_than_days: int = 180) -> int:
    """Forget messages sent (or not needed) long ago."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _by_model = OutboxMessage.objects.filter(
        status__in=[Status.SENT, Status.SKIPPED], created_at__lt=cutoff
    ).delete()
    return deleted
