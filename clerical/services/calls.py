"""The clerk's call log: log a call, put it through, transfer it, answer it.

A call that nobody takes becomes a message (`clerical.services.messages`).
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, as_domain_error, clean_or_raise
from backoffice.workflow import transition
from clerical.models.phones import Call, CallTransfer
from clerical.phone_numbers import normalise_phone_number
from hr.models.employees import Employee


class CallError(DomainError):
    pass


CALL_ROWS_GIVEN = ["taken_by", "for_employee", "department", "caller_employee"]


@transaction.atomic
def call_log(
    *,
    by,
    for_employee: Employee,
    subject: str = "",
    caller_employee: Employee | None = None,
    caller_name: str = "",
    caller_number: str = "",
    put_through: bool = False,
    received_at: datetime | None = None,
) -> Call:
    """Log a call as it comes in; `put_through` starts the chain at the person called for.

    `received_at` (default now) is for a call written down after the fact.
    """
    if caller_employee is None and not caller_number.strip():
        raise CallError(_("Say who called: a colleague or an outside number."))
    if caller_number.strip():
        with as_domain_error(CallError):
            caller_number = normalise_phone_number(caller_number)
    call = Call(
        taken_by=by,
        for_employee=for_employee,
        department_id=for_employee.department_id,
        subject=subject.strip(),
        caller_employee=caller_employee,
        caller_name=caller_name.strip(),
        caller_number=caller_number,
        received_at=received_at or timezone.now(),
    )
    # The people come in as rows already: checking each foreign key again is a query apiece.
    clean_or_raise(call, error=CallError, exclude=CALL_ROWS_GIVEN)
    call._history_user = by
    call.save()
    if put_through:
        _ring(call, to=for_employee, by=by, position=1)
    return call


def _ring(call: Call, *, to: Employee, by, position: int) -> CallTransfer:
    return CallTransfer.objects.create(call=call, position=position, to_employee=to, by=by)


def _locked_open(call: Call) -> Call:
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status != Call.Status.OPEN:
        raise CallError(_("This call is over: it was answered or a message was taken."))
    return call


def ringing_transfer(call: Call) -> CallTransfer | None:
    return call.transfers.filter(outcome=CallTransfer.Outcome.RINGING).first()


@transaction.atomic
def call_transfer(*, call: Call, to: Employee, by) -> CallTransfer:
    """Nobody answered where it rang (or they passed it on): put it through to `to`."""
    call = _locked_open(call)
    if to.status not in Employee.CURRENT:
        raise CallError(_("%(name)s no longer works here.") % {"name": to})
    current = ringing_transfer(call)
    if current is not None:
        if current.to_employee_id == to.pk:
            raise CallError(_("The call is already ringing at %(name)s.") % {"name": to})
        current.outcome = CallTransfer.Outcome.NO_ANSWER
        current.save(update_fields=["outcome"])
    last = call.transfers.aggregate(last=Max("position"))["last"] or 0
    return _ring(call, to=to, by=by, position=last + 1)


@transaction.atomic
def call_answer(*, call: Call, by) -> Call:
    """The person it rings at took it (or, with no transfer, the one called for)."""
    call = _locked_open(call)
    current = ringing_transfer(call)
    answered_by = call.for_employee
    if current is not None:
        current.outcome = CallTransfer.Outcome.ANSWERED
        current.save(update_fields=["outcome"])
        answered_by = current.to_employee
    return transition(
        call,
        to=Call.Status.ANSWERED,
        allowed_from=[Call.Status.OPEN],
        by=by,
        error=CallError,
        changes={"answered_by": answered_by},
    )


def call_unanswered(*, call: Call, by) -> Call:
    """Close the chain without an answer (inside the message service's transaction)."""
    call = _locked_open(call)
    current = ringing_transfer(call)
    if current is not None:
        current.outcome = CallTransfer.Outcome.NO_ANSWER
        current.save(update_fields=["outcome"])
    return transition(
        call, to=Call.Status.MESSAGE, allowed_from=[Call.Status.OPEN], by=by, error=CallError
    )
