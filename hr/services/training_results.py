"""Writes of training results: a session's attendees, one assignment, a cancellation.

Every change of an assignment's status goes through `transition()`.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backoffice.errors import clean_or_raise
from backoffice.workflow import require_status, transition
from hr.models.training import TrainingAssignment, TrainingSession
from hr.services.training import TrainingError

Status = TrainingAssignment.Status
ABSENT = "absent"
CLOSED = gettext_lazy("This assignment is already closed.")


@transaction.atomic
def training_session_record(
    *, by, session: TrainingSession, results: list[dict], completed_on: date | None = None
) -> int:
    """Record the results of a session's attendees in one go.

    Each entry has `assignment_id`, `outcome` ("pass", "fail", "absent" or ""
    for not recorded), `score` and `notes`. An absent attendee stays assigned
    but leaves the session. Only the session's open assignments are
    touched; anything wrong refuses the whole form.
    """
    completed_on = completed_on or timezone.localtime(session.ends_at).date()
    if completed_on < timezone.localtime(session.starts_at).date():
        raise TrainingError(_("The results cannot be dated before the session."))
    if completed_on > timezone.localdate():
        raise TrainingError(_("The results cannot be dated in the future."))
    wanted = {row["assignment_id"]: row for row in results if row.get("outcome")}
    assignments = (
        TrainingAssignment.objects.select_for_update()
        .filter(session=session, status=Status.ASSIGNED, pk__in=wanted)
        .select_related("course")
    )
    recorded = 0
    for assignment in assignments:
        row = wanted[assignment.pk]
        if row["outcome"] == ABSENT:
            # Still to be trained: off this session, free to book on another.
            assignment.session = None
            assignment.notes = row.get("notes", "")
            assignment._history_user = by
            assignment.save(update_fields=["session", "notes"])
            recorded += 1
            continue
        _record_result(
            assignment,
            by=by,
            outcome=row["outcome"],
            score=row.get("score"),
            notes=row.get("notes", ""),
            completed_on=completed_on,
        )
        recorded += 1
    return recorded


def _record_result(assignment, *, by, outcome, score, notes, completed_on) -> None:
    if outcome not in TrainingAssignment.Result.values:
        raise TrainingError(_("Choose whether the training was passed or failed."))
    passed = outcome == TrainingAssignment.Result.PASS
    changes = {"result": outcome, "score": score, "notes": notes, "completed_on": completed_on}
    for name, value in changes.items():
        setattr(assignment, name, value)
    # What the person typed is checked by the model; the move by transition().
    clean_or_raise(assignment, error=TrainingError)
    transition(
        assignment,
        to=Status.COMPLETED if passed else Status.FAILED,
        allowed_from=[Status.ASSIGNED],
        by=by,
        error=TrainingError,
        message=str(CLOSED),
        changes=changes,
    )


@transaction.atomic
def training_assignment_record(
    *,
    by,
    assignment: TrainingAssignment,
    outcome: str,
    completed_on: date,
    score=None,
    notes: str = "",
) -> TrainingAssignment:
    """Record the result of one assignment (training taken outside a session)."""
    assignment = TrainingAssignment.objects.select_for_update().get(pk=assignment.pk)
    require_status(assignment, [Status.ASSIGNED], error=TrainingError, message=str(CLOSED))
    if completed_on > timezone.localdate():
        raise TrainingError(_("The results cannot be dated in the future."))
    _record_result(
        assignment, by=by, outcome=outcome, score=score, notes=notes, completed_on=completed_on
    )
    return assignment


@transaction.atomic
def training_assignment_cancel(*, by, assignment: TrainingAssignment) -> TrainingAssignment:
    assignment = TrainingAssignment.objects.select_for_update().get(pk=assignment.pk)
    return transition(
        assignment,
        to=Status.CANCELLED,
        allowed_from=[Status.ASSIGNED],
        by=by,
        error=TrainingError,
        message=str(CLOSED),
    )
