"""'While you were out' messages: taken, delivered at once, reminded, done."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, as_domain_error, clean_or_raise
from backoffice.models import Notification
from backoffice.services import notification_send
from backoffice.workflow import transition
from clerical.models.phones import Call, PhoneMessage
from clerical.phone_numbers import normalise_phone_number
from clerical.services.calls import call_unanswered
from hr.models.employees import Employee

User = get_user_model()


class MessageError(DomainError):
    pass


def _recipient_users(employee: Employee):
    return User.objects.filter(employee=employee, is_active=True)


@transaction.atomic
def message_take(
    *,
    by,
    recipient: Employee,
    body: str,
    caller: str = "",
    caller_number: str = "",
    urgency: str = PhoneMessage.Urgency.NORMAL,
    call_back_by: datetime | None = None,
    call: Call | None = None,
) -> PhoneMessage:
    """Take a message for `recipient` (closing `call` unanswered) and tell them now."""
    if caller_number.strip():
        with as_domain_error(MessageError):
            caller_number = normalise_phone_number(caller_number)
    if call is not None:
        with as_domain_error(MessageError):
            call = call_unanswered(call=call, by=by)
        caller = caller or call.caller_display
        caller_number = caller_number or call.caller_number
    if call_back_by is not None and call_back_by <= timezone.now():
        raise MessageError(_("'Call back by' must be in the future."))
    message = PhoneMessage(
        call=call,
        recipient=recipient,
        taken_by=by,
        caller=caller.strip(),
        caller_number=caller_number,
        body=body.strip(),
        urgency=urgency,
        call_back_by=call_back_by,
    )
    clean_or_raise(message, error=MessageError)
    message._history_user = by
    message.save()
    urgent = urgency == PhoneMessage.Urgency.URGENT
    notification_send(
        recipients=_recipient_users(recipient),
        title=_("While you were out: %(caller)s called") % {"caller": message.caller},
        body=_("%(body)s\nCall back: %(number)s")
        % {"body": message.body, "number": message.caller_number or "-"},
        url=reverse("clerical:message-detail", args=[message.pk]),
        level=Notification.Level.WARNING if urgent else Notification.Level.INFO,
        source="clerical.message",
        email=True,
    )
    return message


@transaction.atomic
def message_done(*, message: PhoneMessage, by) -> PhoneMessage:
    message = PhoneMessage.objects.select_for_update().get(pk=message.pk)
    return transition(
        message,
        to=PhoneMessage.Status.DONE,
        allowed_from=[PhoneMessage.Status.OPEN],
        by=by,
        error=MessageError,
        stamp="done",
        message=_("This message is already done."),
    )


@transaction.atomic
def messages_remind_overdue(*, now: datetime | None = None) -> int:
    """Remind recipients of call-backs now overdue: once per message and due time.

    The claim is one conditional UPDATE (`reminded_for` differs from the due
    time), so a second run, or a second worker, sends nothing more.
    """
    now = now or timezone.now()
    due = Q(status=PhoneMessage.Status.OPEN, call_back_by__lte=now) & (
        Q(reminded_for__isnull=True) | ~Q(reminded_for=F("call_back_by"))
    )
    ids = list(
        PhoneMessage.objects.filter(due)
        .select_for_update(skip_locked=True)
        .values_list("pk", flat=True)
    )
    PhoneMessage.objects.filter(due, pk__in=ids).update(reminded_for=F("call_back_by"))
    rows = PhoneMessage.objects.filter(pk__in=ids).select_related("recipient__user")
    for message in rows:
        if message.recipient.user is None or not message.recipient.user.is_active:
            continue
        notification_send(
            recipients=[message.recipient.user],
            title=_("Call back overdue: %(caller)s") % {"caller": message.caller},
            body=_("%(body)s\nCall back: %(number)s")
            % {"body": message.body, "number": message.caller_number or "-"},
            url=reverse("clerical:message-detail", args=[message.pk]),
            level=Notification.Level.WARNING,
            source="clerical.message_overdue",
            email=True,
        )
    return len(ids)
