"""The last step of hiring: an applicant with an accepted offer becomes an employee."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backoffice import roles
from backoffice.errors import clean_or_raise
from backoffice.workflow import require_status
from hr.models.employees import Employee
from hr.models.hiring import Applicant, JobOpening, Offer
from hr.services.applicants import stage_move
from hr.services.employees import employee_hire
from hr.services.hiring import HiringError, hired_count, opening_set_status
from hr.services.onboarding import onboarding_start

User = get_user_model()
Stage = Applicant.Stage
OFFER_STAGE_ONLY = gettext_lazy("Only an applicant at the offer stage can be hired.")


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
    offer = _accepted_offer(applicant=applicant, opening=opening)
    employee_number, username = employee_number.strip(), username.strip()
    user = _login_create(applicant=applicant, employee_number=employee_number, username=username)
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
    stage_move(
        by=by,
        applicant=applicant,
        to_stage=Stage.HIRED,
        allowed_from=[Stage.OFFER],
        refused=str(OFFER_STAGE_ONLY),
        changes={"employee": employee},
    )
    if hired_count(opening) >= opening.places and opening.status != JobOpening.Status.CLOSED:
        opening_set_status(by=by, opening=opening, status=JobOpening.Status.CLOSED)
    onboarding_start(by=by, employee=employee, site_url=site_url)
    return employee


def _accepted_offer(*, applicant: Applicant, opening: JobOpening) -> Offer:
    """The offer the applicant accepted, once the stage and the free places allow a hire."""
    require_status(
        applicant, [Stage.OFFER], error=HiringError, message=str(OFFER_STAGE_ONLY), field="stage"
    )
    offer = applicant.offers.filter(status=Offer.Status.ACCEPTED).order_by("-created_at").first()
    if offer is None:
        raise HiringError(_("The applicant has not accepted an offer."))
    if hired_count(opening) >= opening.places:
        raise HiringError(_("All places of this opening are already filled."))
    return offer


def _login_create(*, applicant: Applicant, employee_number: str, username: str):
    """The new employee's login, in the Employee group, with no password until they set one."""
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
    clean_or_raise(user, error=HiringError)
    user.save()
    user.groups.add(Group.objects.get(name=roles.EMPLOYEE))
    return user
