"""Office requests worked by the clerical team as a queue; the requester is told when done."""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, clean_or_raise
from backoffice.services import notification_send
from backoffice.workflow import transition
from clerical.models.requests import OfficeRequest

Status = OfficeRequest.Status


class OfficeRequestError(DomainError):
    pass


@transaction.atomic
def office_request_create(
    *, by, kind: str, description: str, quantity: int | None = None, needed_by: date | None = None
) -> OfficeRequest:
    request = OfficeRequest(
        requested_by=by,
        kind=kind,
        description=description.strip(),
        quantity=quantity,
        needed_by=needed_by,
    )
    clean_or_raise(request, error=OfficeRequestError)
    request._history_user = by
    request.save()
    return request


def _locked(request: OfficeRequest) -> OfficeRequest:
    return OfficeRequest.objects.select_for_update().get(pk=request.pk)


@transaction.atomic
def office_request_start(*, request: OfficeRequest, by) -> OfficeRequest:
    return transition(
        _locked(request),
        to=Status.IN_PROGRESS,
        allowed_from=[Status.SUBMITTED],
        by=by,
        error=OfficeRequestError,
        stamp="started",
    )


@transaction.atomic
def office_request_done(*, request: OfficeRequest, by, note: str = "") -> OfficeRequest:
    request = transition(
        _locked(request),
        to=Status.DONE,
        allowed_from=OfficeRequest.OPEN,
        by=by,
        error=OfficeRequestError,
        stamp="done",
        changes={"note": note.strip()[:300]},
    )
    notification_send(
        recipients=[request.requested_by],
        title=_("Your request is done: %(request)s") % {"request": request},
        body=request.note,
        url=reverse("clerical:request-detail", args=[request.pk]),
        source="clerical.office_request",
        email=True,
    )
    return request


@transaction.atomic
def office_request_cancel(*, request: OfficeRequest, by) -> OfficeRequest:
    return transition(
        _locked(request),
        to=Status.CANCELLED,
        allowed_from=OfficeRequest.OPEN,
        by=by,
        error=OfficeRequestError,
        message=_("Only an open request can be cancelled."),
    )
