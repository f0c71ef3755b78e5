"""Writes of recruitment: openings, applications, stage moves, interviews, offers, hiring."""

from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import roles
from backoffice.errors import DomainError
from backoffice.services import notification_send
from hr.models.employees import Employee
from hr.models.hiring import (
    Applicant,
    ApplicantStageChange,
    Interview,
    InterviewFeedback,
    JobOpening,
    Offer,
)
from hr.services.employees import employee_hire
from hr.services.onboarding import onboarding_start
from hr.validators import validate_cv

User = get_user_model()
Stage = Applicant.Stage


class HiringError(DomainError):
    pass


def _full_clean(instance, **kwargs) -> None:
    """Run the model's checks and turn their messages into one domain error."""
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise HiringError(" ".join(exc.messages)) from exc


# Openings -------------------------------------------------------------------

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
    if opening.pk and opening.places < _hired_count(opening):
        raise HiringError(_("More people are already hired than the places you ask for."))
    _full_clean(opening)
    opening._history_user = by
    opening.save()
    return opening


def _hired_count(opening: JobOpening) -> int:
    return opening.applicants.filter(stage=Stage.HIRED).count()


@transaction.atomic
def opening_set_status(*, by, opening: JobOpening, status: str) -> JobOpening:
    opening = JobOpening.objects.select_for_update().get(pk=opening.pk)
    if status not in JobOpening.Status.values:
        raise HiringError(_("Unknown status."))
    if status == opening.status:
        raise HiringError(_("The opening already has this status."))
    today = timezone.localdate()
    if status == JobOpening.Status.OPEN:
        if _hired_count(opening) >= opening.places:
            raise HiringError(_("All places of this opening are filled; add places first."))
        opening.opened_on = opening.opened_on or today
        opening.closed_on = None
    elif status == JobOpening.Status.CLOSED:
        opening.closed_on = today
        opening.opened_on = opening.opened_on or today
    opening.status = status
    _full_clean(opening)
    opening._history_user = by
    opening.save()
    return opening


# Applications ---------------------------------------------------------------


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
        try:
            validate_cv(cv)
        except ValidationError as exc:
            raise HiringError(" ".join(exc.messages)) from exc
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
    _full_clean(applicant, exclude=["cv"])
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
    _full_clean(applicant, exclude=["cv"])
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


def _record_stage(*, applicant: Applicant, to_stage: str, by, note: str = "") -> None:
    ApplicantStageChange.objects.create(
        applicant=applicant, from_stage=applicant.stage, to_stage=to_stage, changed_by=by, note=note
    )
    applicant.stage = to_stage


@transaction.atomic
def applicant_move(*, by, applicant: Applicant, to_stage: str, reason: str = "") -> Applicant:
    """Move an applicant to another stage of the pipeline, keeping the dated history."""
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    if to_stage == Stage.HIRED:
        raise HiringError(_("An applicant is hired with the hire action, not by a move."))
    if applicant.stage in Applicant.FINAL:
        raise HiringError(
            _("%(name)s is already %(stage)s; the application is closed.")
            % {"name": applicant.full_name, "stage": applicant.get_stage_display().lower()}
        )
    if to_stage not in ALLOWED_MOVES[applicant.stage]:
        raise HiringError(
            _("An applicant cannot move from %(old)s to %(new)s.")
            % {"old": applicant.get_stage_display(), "new": Stage(to_stage).label}
            if to_stage in Stage.values
            else _("Unknown stage.")
        )
    reason = reason.strip()
    if to_stage == Stage.REJECTED:
        if not reason:
            raise HiringError(_("Give a reason for the rejection."))
        applicant.rejection_reason = reason
        applicant.offers.filter(status__in=[Offer.Status.DRAFT, Offer.Status.SENT]).update(
            status=Offer.Status.DECLINED
        )
    _record_stage(applicant=applicant, to_stage=to_stage, by=by, note=reason)
    _full_clean(applicant, exclude=["cv"])
    applicant._history_user = by
    applicant.save()
    return applicant


# Interviews -----------------------------------------------------------------


@transaction.atomic
def interview_schedule(
    *,
    by,
    applicant: Applicant,
    scheduled_at: datetime,
    location: str,
    interviewers: list[Employee],
) -> Interview:
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    if applicant.stage != Stage.INTERVIEW:
        raise HiringError(_("Move the applicant to the interview stage first."))
    interviewers = list(interviewers)
    if not interviewers:
        raise HiringError(_("Choose at least one interviewer."))
    if any(not person.is_current for person in interviewers):
        raise HiringError(_("Interviewers must be current employees."))
    interview = Interview(
        applicant=applicant, scheduled_at=scheduled_at, location=location.strip(), created_by=by
    )
    _full_clean(interview)
    interview.save()
    interview.interviewers.set(interviewers)
    url = reverse("hr:applicant-detail", args=[applicant.pk])
    notification_send(
        recipients=[p.user for p in interviewers if p.user_id],
        title=_("Interview with %(name)s on %(when)s")
        % {
            "name": applicant.full_name,
            "when": timezone.localtime(scheduled_at).strftime("%Y-%m-%d %H:%M"),
        },
        body=interview.location,
        url=url,
        source="hr.hiring",
    )
    return interview


@transaction.atomic
def interview_feedback_record(
    *,
    by,
    interview: Interview,
    skills: int,
    experience: int,
    communication: int,
    culture: int,
    recommendation: str,
    comments: str = "",
) -> InterviewFeedback:
    """Record (or correct) the signed-in interviewer's own feedback on an interview."""
    interviewer = Employee.objects.filter(user=by).first() if by.is_authenticated else None
    if interviewer is None or not interview.interviewers.filter(pk=interviewer.pk).exists():
        raise HiringError(_("Only the interviewers of this interview give feedback on it."))
    if interview.applicant.stage in Applicant.FINAL:
        raise HiringError(_("The application is closed; feedback can no longer change."))
    feedback = (
        InterviewFeedback.objects.select_for_update()
        .filter(interview=interview, interviewer=interviewer)
        .first()
    ) or InterviewFeedback(interview=interview, interviewer=interviewer)
    feedback.skills = skills
    feedback.experience = experience
    feedback.communication = communication
    feedback.culture = culture
    feedback.recommendation = recommendation
    feedback.comments = comments
    feedback.submitted_at = timezone.now()
    _full_clean(feedback, validate_unique=False)
    feedback.save()
    return feedback


# Offers ---------------------------------------------------------------------


@transaction.atomic
def offer_create(
    *,
    by,
    applicant: Applicant,
    salary: Decimal,
    start_date: date,
    contract_type: str,
    expires_on: date,
) -> Offer:
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    if applicant.stage != Stage.OFFER:
        raise HiringError(_("Move the applicant to the offer stage first."))
    if not isinstance(salary, Decimal):
        raise HiringError(_("The salary must be an exact amount."))
    if applicant.offers.filter(status__in=[Offer.Status.DRAFT, Offer.Status.SENT]).exists():
        raise HiringError(_("This applicant already has an open offer."))
    if expires_on < timezone.localdate():
        raise HiringError(_("The offer cannot expire in the past."))
    if expires_on > start_date:
        raise HiringError(_("The offer must expire on or before the start date."))
    offer = Offer(
        applicant=applicant,
        salary=salary,
        start_date=start_date,
        contract_type=contract_type.strip(),
        expires_on=expires_on,
        created_by=by,
    )
    _full_clean(offer)
    offer._history_user = by
    offer.save()
    return offer


OFFER_MOVES = {
    Offer.Status.DRAFT: {Offer.Status.SENT, Offer.Status.DECLINED},
    Offer.Status.SENT: {Offer.Status.ACCEPTED, Offer.Status.DECLINED},
}


@transaction.atomic
def offer_set_status(*, by, offer: Offer, status: str) -> Offer:
    offer = Offer.objects.select_for_update().select_related("applicant").get(pk=offer.pk)
    if status not in OFFER_MOVES.get(offer.status, set()):
        raise HiringError(
            _("An offer that is %(status)s cannot become %(new)s.")
            % {
                "status": offer.get_status_display().lower(),
                "new": str(Offer.Status(status).label).lower()
                if status in Offer.Status.values
                else status,
            }
        )
    if offer.applicant.stage != Stage.OFFER:
        raise HiringError(_("The applicant is no longer at the offer stage."))
    late = timezone.localdate() > offer.expires_on
    if status in (Offer.Status.SENT, Offer.Status.ACCEPTED) and late:
        raise HiringError(_("The offer expired on %(date)s.") % {"date": offer.expires_on})
    offer.status = status
    offer._history_user = by
    offer.save(update_fields=["status"])
    return offer


# Hiring ---------------------------------------------------------------------


@transaction.atomic
def applicant_hire(
    *,
    by,
    applicant: Applicant,
    employee_number: str,
    username: str,
    work_email: str = "",
    site_url: str = "",
) -> Employee:
    """Turn an applicant with an accepted offer into an employee with a login and onboarding.

    In one transaction: the Employee (through `employee_hire`, which sends
    `employee_hired`), a User in the Employee group with an unusable
    password, the applicant marked hired, the opening closed once all its
    places are filled, and the onboarding checklist. After commit, the new
    employee is emailed a link to set their password.
    """
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    opening = (
        JobOpening.objects.select_for_update()
        .select_related("position")
        .get(pk=applicant.opening_id)
    )
    if applicant.stage != Stage.OFFER:
        raise HiringError(_("Only an applicant at the offer stage can be hired."))
    offer = applicant.offers.filter(status=Offer.Status.ACCEPTED).order_by("-created_at").first()
    if offer is None:
        raise HiringError(_("The applicant has not accepted an offer."))
    if _hired_count(opening) >= opening.places:
        raise HiringError(_("All places of this opening are already filled."))
    employee_number, username = employee_number.strip(), username.strip()
    if Employee.objects.filter(employee_number=employee_number).exists():
        raise HiringError(
            _("Employee number %(number)s is already in use.") % {"number": employee_number}
        )
    if not username:
        raise HiringError(_("Choose a username."))
    if User.objects.filter(username__iexact=username).exists():
        raise HiringError(_("The username %(name)s is already taken.") % {"name": username})
    user = User(
        username=username,
        first_name=applicant.first_name,
        last_name=applicant.last_name,
        email=applicant.email,
    )
    user.set_unusable_password()
    try:
        user.full_clean()
    except ValidationError as exc:
        raise HiringError(" ".join(exc.messages)) from exc
    user.save()
    user.groups.add(Group.objects.get(name=roles.EMPLOYEE))
    employee = employee_hire(
        by=by,
        employee_number=employee_number,
        first_name=applicant.first_name,
        last_name=applicant.last_name,
        department=opening.department,
        position=opening.position,
        manager=opening.hiring_manager,
        hire_date=offer.start_date,
        work_email=work_email,
        user=user,
    )
    applicant.employee = employee
    _record_stage(applicant=applicant, to_stage=Stage.HIRED, by=by)
    applicant._history_user = by
    applicant.save()
    if _hired_count(opening) >= opening.places and opening.status != JobOpening.Status.CLOSED:
        opening_set_status(by=by, opening=opening, status=JobOpening.Status.CLOSED)
    onboarding_start(by=by, employee=employee, site_url=site_url)
    return employee
