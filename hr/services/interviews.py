"""Writes of the later steps of hiring: interviews, interview feedback and offers."""

from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import clean_or_raise
from backoffice.services import notification_send
from backoffice.workflow import require_status, transition
from hr.models.employees import Employee
from hr.models.hiring import Applicant, Interview, InterviewFeedback, Offer
from hr.services.hiring import HiringError

Stage = Applicant.Stage


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
    clean_or_raise(interview, error=HiringError)
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
    clean_or_raise(feedback, error=HiringError, validate_unique=False)
    feedback.save()
    return feedback


# Offers ---------------------------------------------------------------------

OPEN_OFFERS = (Offer.Status.DRAFT, Offer.Status.SENT)


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
    if applicant.offers.filter(status__in=OPEN_OFFERS).exists():
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
    clean_or_raise(offer, error=HiringError)
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
    allowed_from = [old for old, moves in OFFER_MOVES.items() if status in moves]
    refused = _("An offer that is %(status)s cannot become %(new)s.") % {
        "status": offer.get_status_display().lower(),
        "new": str(Offer.Status(status).label).lower() if status in Offer.Status.values else status,
    }
    # A wrong move is refused before the stage and the expiry are looked at.
    require_status(offer, allowed_from, error=HiringError, message=refused)
    if offer.applicant.stage != Stage.OFFER:
        raise HiringError(_("The applicant is no longer at the offer stage."))
    late = timezone.localdate() > offer.expires_on
    if status in (Offer.Status.SENT, Offer.Status.ACCEPTED) and late:
        raise HiringError(_("The offer expired on %(date)s.") % {"date": offer.expires_on})
    return transition(
        offer, to=status, allowed_from=allowed_from, by=by, error=HiringError, message=refused
    )


def offers_decline_open(*, by, applicant: Applicant) -> None:
    """Decline the applicant's open offer (at most one) when they are rejected."""
    for offer in Offer.objects.select_for_update().filter(
        applicant=applicant, status__in=OPEN_OFFERS
    ):
        transition(
            offer,
            to=Offer.Status.DECLINED,
            allowed_from=OPEN_OFFERS,
            by=by,
            error=HiringError,
            reason="applicant rejected",
        )
