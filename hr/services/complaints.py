"""Complaints: raised by anyone, handled by HR through a fixed workflow."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, clean_or_raise
from backoffice.services import notification_send
from backoffice.workflow import require_status, transition
from hr.models.complaints import Complaint, ComplaintNote
from hr.models.employees import Employee

S = Complaint.Status

# The only moves the workflow allows.
TRANSITIONS = {
    S.RECEIVED: {S.ACKNOWLEDGED},
    S.ACKNOWLEDGED: {S.INVESTIGATING},
    S.INVESTIGATING: {S.RESOLVED, S.DISMISSED},
    S.RESOLVED: set(),
    S.DISMISSED: set(),
}


class ComplaintError(DomainError):
    pass


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def may_handle(user, complaint: Complaint) -> bool:
    if user.has_perm("hr.manage_all_complaints"):
        return True
    return user.has_perm("hr.handle_complaint") and complaint.handlers.filter(pk=user.pk).exists()


@transaction.atomic
def complaint_raise(
    *,
    by,
    category: str,
    subject: str,
    description: str,
    about=(),
    anonymous: bool = False,
) -> Complaint:
    about = list(about)
    own = Employee.objects.filter(user=by).first()
    if own is not None and own in about:
        raise ComplaintError(_("A complaint cannot be about the person who raises it."))
    today = timezone.localdate()
    complaint = Complaint(
        raised_by=by,
        category=category,
        subject=subject,
        description=description,
        anonymous=anonymous,
        acknowledge_by=add_working_days(today, settings.COMPLAINT_ACKNOWLEDGE_WORKING_DAYS),
    )
    clean_or_raise(complaint, error=ComplaintError)
    # An anonymous raiser must not appear as the author in the audit trail either.
    complaint._history_user = None if anonymous else by
    complaint.save()
    complaint.about.set(about)
    return complaint


@transaction.atomic
def complaint_assign(*, by, complaint: Complaint, handlers) -> Complaint:
    if not by.has_perm("hr.manage_all_complaints"):
        raise ComplaintError(_("Only HR managers assign the handlers of a complaint."))
    handlers = list(handlers)
    for user in handlers:
        if not user.is_active or not user.has_perm("hr.handle_complaint"):
            raise ComplaintError(
                _("%(name)s cannot handle complaints.") % {"name": user.get_full_name() or user}
            )
        if user.pk == complaint.raised_by_id or complaint.about.filter(user=user).exists():
            raise ComplaintError(
                _("%(name)s is part of this complaint and cannot handle it.")
                % {"name": user.get_full_name() or user}
            )
    complaint.handlers.set(handlers)
    return complaint


@transaction.atomic
def complaint_transition(*, by, complaint: Complaint, status: str, outcome: str = "") -> Complaint:
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if not may_handle(by, complaint):
        raise ComplaintError(_("Only the HR staff handling this complaint may change it."))
    allowed_from = [old for old, moves in TRANSITIONS.items() if status in moves]
    refused = _("A complaint cannot go from %(old)s to %(new)s.") % {
        "old": complaint.get_status_display(),
        "new": S(status).label,
    }
    # A wrong move is refused before the outcome is asked for.
    require_status(complaint, allowed_from, error=ComplaintError, message=refused)
    outcome = outcome.strip()
    if status in Complaint.CLOSED and not outcome:
        raise ComplaintError(_("Tell the person who raised it the outcome."))
    now = timezone.now()
    changes = {}
    if status == S.ACKNOWLEDGED:
        changes["acknowledged_at"] = now
    if status in Complaint.CLOSED:
        changes.update(closed_at=now, outcome=outcome)
    transition(
        complaint,
        to=status,
        allowed_from=allowed_from,
        by=by,
        error=ComplaintError,
        message=refused,
        changes=changes,
    )
    # The raiser learns the status and the outcome, never the internal notes.
    body = complaint.outcome if status in Complaint.CLOSED else ""
    notification_send(
        recipients=[complaint.raised_by],
        title=_("Your complaint “%(subject)s” is now: %(status)s")
        % {"subject": complaint.subject, "status": complaint.get_status_display()},
        body=body,
        url=reverse("hr:complaint-detail", args=[complaint.pk]),
        source="hr.complaint",
    )
    return complaint


@transaction.atomic
def complaint_note_add(*, by, complaint: Complaint, text: str) -> ComplaintNote:
    if not may_handle(by, complaint):
        raise ComplaintError(_("Only the HR staff handling this complaint may add notes."))
    note = ComplaintNote(complaint=complaint, author=by, text=text.strip())
    clean_or_raise(note, error=ComplaintError)
    note.save()
    return note
