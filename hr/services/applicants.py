"""Writes of applications: applying, correcting an applicant, moving them through the stages."""

from django.db import transaction
from django.utils.translation import gettext as _

from backoffice.errors import as_domain_error, clean_or_raise
from backoffice.workflow import require_status, transition
from hr.models.hiring import Applicant, ApplicantStageChange, JobOpening
from hr.services.hiring import HiringError
from hr.services.interviews import offers_decline_open
from hr.validators import validate_cv

Stage = Applicant.Stage


@transaction.atomic
def applicant_apply(
    *,
    opening: JobOpening,
    first_name: str,
    last_name: str,
    email: str,
    phone: str = "",
    cv=None,
    letter: str = "",
    source: str = Applicant.Source.CAREERS,
    notes: str = "",
    by=None,
) -> Applicant:
    """Record an application: from the careers page (`by` None) or typed in by HR.

    Candidates may apply only to open openings, with a CV; HR may also add
    someone to an opening on hold (a referral, say), CV optional.
    """
    opening = JobOpening.objects.select_for_update().get(pk=opening.pk)
    allowed = {JobOpening.Status.OPEN}
    if by is not None:
        allowed.add(JobOpening.Status.ON_HOLD)
    if opening.status not in allowed:
        raise HiringError(_("This opening does not take applications."))
    if by is None and cv is None:
        raise HiringError(_("Attach your CV."))
    email = email.strip().lower()
    already = opening.applicants.filter(email__iexact=email).exclude(stage__in=Applicant.FINAL)
    if already.exists():
        raise HiringError(_("%(email)s has already applied for this opening.") % {"email": email})
    if cv is not None:
        with as_domain_error(HiringError):
            validate_cv(cv)
    applicant = Applicant(
        opening=opening,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        phone=phone.strip(),
        letter=letter,
        source=source,
        notes=notes,
        cv_name=(cv.name[-200:] if cv is not None else ""),
    )
    clean_or_raise(applicant, error=HiringError, exclude=["cv"])
    if cv is not None:
        applicant.cv.save(cv.name, cv, save=False)
    applicant._history_user = by
    applicant.save()
    ApplicantStageChange.objects.create(applicant=applicant, to_stage=Stage.APPLIED, changed_by=by)
    return applicant


APPLICANT_FIELDS = {"first_name", "last_name", "email", "phone", "source", "notes"}


@transaction.atomic
def applicant_update(*, by, applicant: Applicant, **fields) -> Applicant:
    """Correct an applicant's contact details, source or notes; the stage has its own services."""
    unknown = set(fields) - APPLICANT_FIELDS
    if unknown:
        raise HiringError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    for name, value in fields.items():
        setattr(applicant, name, value.strip() if isinstance(value, str) else value)
    applicant.email = applicant.email.lower()
    clean_or_raise(applicant, error=HiringError, exclude=["cv"])
    applicant._history_user = by
    applicant.save()
    return applicant


# Which stage may follow which; "hired" only through `applicant_hire`, and
# nothing leaves "hired" or "rejected".
ALLOWED_MOVES = {
    Stage.APPLIED: {Stage.SCREENING, Stage.INTERVIEW, Stage.REJECTED},
    Stage.SCREENING: {Stage.APPLIED, Stage.INTERVIEW, Stage.REJECTED},
    Stage.INTERVIEW: {Stage.SCREENING, Stage.OFFER, Stage.REJECTED},
    Stage.OFFER: {Stage.INTERVIEW, Stage.REJECTED},
    Stage.HIRED: set(),
    Stage.REJECTED: set(),
}


def moves_from(stage: str) -> list[str]:
    return [s for s in Stage.values if s in ALLOWED_MOVES.get(stage, set())]


def stage_move(
    *,
    by,
    applicant: Applicant,
    to_stage: str,
    allowed_from,
    refused: str,
    note: str = "",
    changes: dict | None = None,
) -> Applicant:
    """Move a locked applicant: the history row of `transition()` and the dated stage row."""
    before = applicant.stage
    transition(
        applicant,
        to=to_stage,
        allowed_from=allowed_from,
        by=by,
        error=HiringError,
        message=refused,
        changes=changes,
        field="stage",
    )
    ApplicantStageChange.objects.create(
        applicant=applicant, from_stage=before, to_stage=to_stage, changed_by=by, note=note
    )
    return applicant


@transaction.atomic
def applicant_move(*, by, applicant: Applicant, to_stage: str, reason: str = "") -> Applicant:
    """Move an applicant to another stage of the pipeline, keeping the dated history."""
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    if to_stage == Stage.HIRED:
        raise HiringError(_("An applicant is hired with the hire action, not by a move."))
    require_status(
        applicant,
        [stage for stage in Stage.values if stage not in Applicant.FINAL],
        error=HiringError,
        message=_("%(name)s is already %(stage)s; the application is closed.")
        % {"name": applicant.full_name, "stage": applicant.get_stage_display().lower()},
        field="stage",
    )
    if to_stage not in Stage.values:
        raise HiringError(_("Unknown stage."))
    reason = reason.strip()
    rejected = to_stage == Stage.REJECTED
    if rejected and not reason:
        raise HiringError(_("Give a reason for the rejection."))
    stage_move(
        by=by,
        applicant=applicant,
        to_stage=to_stage,
        allowed_from=[old for old, moves in ALLOWED_MOVES.items() if to_stage in moves],
        refused=_("An applicant cannot move from %(old)s to %(new)s.")
        % {"old": applicant.get_stage_display(), "new": Stage(to_stage).label},
        note=reason,
        changes={"rejection_reason": reason} if rejected else None,
    )
    if rejected:
        offers_decline_open(by=by, applicant=applicant)
    return applicant
