"""Recruitment: its domain error, and job openings.

The rest of hiring lives beside it by subject: `applicants` (applications and
stage moves), `interviews` (interviews, feedback and offers) and `hire` (an
applicant becomes an employee).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError, clean_or_raise
from backoffice.workflow import require_status, transition
from hr.models.hiring import Applicant, JobOpening


class HiringError(DomainError):
    pass


OPENING_FIELDS = {"position", "department", "places", "description", "internal_notes"}


@transaction.atomic
def opening_save(*, by, opening: JobOpening | None = None, **fields) -> JobOpening:
    """Create an opening (as a draft) or change its details; status has its own service."""
    unknown = set(fields) - OPENING_FIELDS - {"hiring_manager"}
    if unknown:
        raise HiringError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    if opening is None:
        opening = JobOpening(created_by=by)
    else:
        opening = JobOpening.objects.select_for_update().get(pk=opening.pk)
    for name, value in fields.items():
        setattr(opening, name, value)
    if opening.position.department_id != opening.department_id:
        raise HiringError(_("The position belongs to another department."))
    if opening.pk and opening.places < hired_count(opening):
        raise HiringError(_("More people are already hired than the places you ask for."))
    clean_or_raise(opening, error=HiringError)
    opening._history_user = by
    opening.save()
    return opening


def hired_count(opening: JobOpening) -> int:
    return opening.applicants.filter(stage=Applicant.Stage.HIRED).count()


@transaction.atomic
def opening_set_status(*, by, opening: JobOpening, status: str) -> JobOpening:
    """Open, hold or close an opening; any status may follow any other."""
    opening = JobOpening.objects.select_for_update().get(pk=opening.pk)
    if status not in JobOpening.Status.values:
        raise HiringError(_("Unknown status."))
    allowed_from = [other for other in JobOpening.Status.values if other != status]
    refused = _("The opening already has this status.")
    require_status(opening, allowed_from, error=HiringError, message=refused)
    today = timezone.localdate()
    changes = {}
    if status == JobOpening.Status.OPEN:
        if hired_count(opening) >= opening.places:
            raise HiringError(_("All places of this opening are filled; add places first."))
        changes = {"opened_on": opening.opened_on or today, "closed_on": None}
    elif status == JobOpening.Status.CLOSED:
        changes = {"opened_on": opening.opened_on or today, "closed_on": today}
    return transition(
        opening,
        to=status,
        allowed_from=allowed_from,
        by=by,
        error=HiringError,
        message=refused,
        changes=changes,
    )
