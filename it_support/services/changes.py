"""Change requests, every step through `transition()`: submitted, approved by the IT lead
and by the system's business owner (two different people), scheduled, implemented and
reviewed with the measured outcome. Each step tells the people concerned."""

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import roles
from backoffice.errors import DomainError, clean_or_raise
from backoffice.services import notification_send, notification_send_to_group
from backoffice.workflow import transition
from it_support.models.changes import ChangeRequest

Status = ChangeRequest.Status
LEAD_PERMISSION = "it_support.lead_it"
OPEN = [Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.SCHEDULED]


class ChangeError(DomainError):
    pass


def _locked(change: ChangeRequest) -> ChangeRequest:
    return (
        ChangeRequest.objects.select_for_update(of=("self",))
        .select_related("system__owner__user")
        .get(pk=change.pk)
    )


def _tell(change: ChangeRequest, title: str, *, people=(), leads: bool = False) -> None:
    url = reverse("it_support:change-detail", args=[change.pk])
    recipients = [person for person in people if person is not None]
    if recipients:
        notification_send(
            recipients=recipients, title=title, url=url, source="it_support.change", email=True
        )
    if leads:
        notification_send_to_group(
            group=roles.IT_LEAD, title=title, url=url, source="it_support.change", email=True
        )


def business_owner_user(change: ChangeRequest):
    owner = change.system.owner
    return owner.user if owner is not None else None


@transaction.atomic
def change_create(*, by, **fields) -> ChangeRequest:
    change = ChangeRequest(requested_by=by, **fields)
    clean_or_raise(change, error=ChangeError)
    change._history_user = by
    change.save()
    return change


@transaction.atomic
def change_update(*, by, change: ChangeRequest, **fields) -> ChangeRequest:
    change = _locked(change)
    if change.status != Status.DRAFT:
        raise ChangeError(_("Only a draft can be edited; this change is already submitted."))
    for name, value in fields.items():
        setattr(change, name, value)
    clean_or_raise(change, error=ChangeError)
    change._history_user = by
    change.save()
    return change


@transaction.atomic
def change_submit(*, by, change: ChangeRequest) -> ChangeRequest:
    change = _locked(change)
    if business_owner_user(change) is None:
        raise ChangeError(
            _("%(system)s has no business owner with a login to approve it; set one first.")
            % {"system": change.system}
        )
    transition(
        change,
        to=Status.SUBMITTED,
        allowed_from=[Status.DRAFT],
        by=by,
        error=ChangeError,
        stamp="submitted",
    )
    _tell(
        change,
        _("Change to approve: %(title)s") % {"title": change.title},
        people=[business_owner_user(change)],
        leads=True,
    )
    return change


def _approve(change: ChangeRequest, *, by, stamp: str, other: str, reason: str):
    if getattr(change, f"{stamp}_by_id") is not None:
        raise ChangeError(_("This approval is already given."))
    if getattr(change, f"{other}_by_id") == by.pk:
        raise ChangeError(
            _("You approved this change already in your other role; a second person must.")
        )
    both = getattr(change, f"{other}_by_id") is not None
    transition(
        change,
        to=Status.APPROVED if both else Status.SUBMITTED,
        allowed_from=[Status.SUBMITTED],
        by=by,
        error=ChangeError,
        stamp=stamp,
        message=_("Only a change awaiting approval can be approved."),
        reason=reason,
    )
    if both:
        _tell(
            change,
            _("Change approved: %(title)s") % {"title": change.title},
            people=[change.requested_by],
        )
    return change


@transaction.atomic
def change_approve_as_it_lead(*, by, change: ChangeRequest) -> ChangeRequest:
    if not by.has_perm(LEAD_PERMISSION):
        raise ChangeError(_("Only the IT lead approves for IT."))
    return _approve(
        _locked(change),
        by=by,
        stamp="it_approved",
        other="owner_approved",
        reason=_("Approved by the IT lead"),
    )


@transaction.atomic
def change_approve_as_owner(*, by, change: ChangeRequest) -> ChangeRequest:
    change = _locked(change)
    if business_owner_user(change) != by:
        raise ChangeError(
            _("Only the business owner of %(system)s approves for the business.")
            % {"system": change.system}
        )
    return _approve(
        change,
        by=by,
        stamp="owner_approved",
        other="it_approved",
        reason=_("Approved by the business owner"),
    )


@transaction.atomic
def change_reject(*, by, change: ChangeRequest, reason: str) -> ChangeRequest:
    change = _locked(change)
    if not (by.has_perm(LEAD_PERMISSION) or business_owner_user(change) == by):
        raise ChangeError(_("Only the IT lead or the business owner can reject a change."))
    if not reason.strip():
        raise ChangeError(_("Say why the change is rejected."))
    transition(
        change,
        to=Status.REJECTED,
        allowed_from=[Status.SUBMITTED],
        by=by,
        error=ChangeError,
        stamp="closed",
        changes={"outcome_notes": reason},
        reason=_("Rejected"),
    )
    _tell(
        change,
        _("Change rejected: %(title)s") % {"title": change.title},
        people=[change.requested_by],
    )
    return change


@transaction.atomic
def change_cancel(*, by, change: ChangeRequest) -> ChangeRequest:
    change = _locked(change)
    transition(
        change, to=Status.CANCELLED, allowed_from=OPEN, by=by, error=ChangeError, stamp="closed"
    )
    return change


@transaction.atomic
def change_schedule(*, by, change: ChangeRequest, when: datetime) -> ChangeRequest:
    change = _locked(change)
    if when <= timezone.now():
        raise ChangeError(_("Schedule the change for a time still to come."))
    transition(
        change,
        to=Status.SCHEDULED,
        allowed_from=[Status.APPROVED, Status.SCHEDULED],
        by=by,
        error=ChangeError,
        stamp="scheduled",
        changes={"scheduled_for": when},
        message=_("Only an approved change can be scheduled."),
    )
    _tell(
        change,
        _("Change scheduled for %(when)s: %(title)s")
        % {"when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M"), "title": change.title},
        people=[change.requested_by, business_owner_user(change)],
    )
    return change


@transaction.atomic
def change_implement(*, by, change: ChangeRequest) -> ChangeRequest:
    change = _locked(change)
    transition(
        change,
        to=Status.IMPLEMENTED,
        allowed_from=[Status.SCHEDULED],
        by=by,
        error=ChangeError,
        stamp="implemented",
        message=_("Only a scheduled change can be marked implemented."),
    )
    _tell(
        change,
        _("Change implemented: %(title)s") % {"title": change.title},
        people=[change.requested_by, business_owner_user(change)],
    )
    return change


@transaction.atomic
def change_review(*, by, change: ChangeRequest, outcome: Decimal, notes: str) -> ChangeRequest:
    """Record the measured outcome; the page compares it with the baseline and the target."""
    change = _locked(change)
    if outcome is None:
        raise ChangeError(_("Enter the measured outcome."))
    transition(
        change,
        to=Status.REVIEWED,
        allowed_from=[Status.IMPLEMENTED],
        by=by,
        error=ChangeError,
        stamp="reviewed",
        changes={"outcome": outcome, "outcome_notes": notes},
        message=_("Only an implemented change can be reviewed."),
    )
    verdict = _("target met") if change.outcome_met else _("target missed")
    _tell(
        change,
        _("Change reviewed (%(verdict)s): %(title)s") % {"verdict": verdict, "title": change.title},
        people=[change.requested_by, business_owner_user(change)],
        leads=True,
    )
    return change
