from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from backoffice import events, roles
from hr.models.employees import Employee
from hr.models.hiring import Applicant, JobOpening
from hr.models.onboarding import OnboardingChecklist
from hr.services import hire as hire_services
from hr.services import hiring as hiring_services
from hr.services import interviews as interviews_services
from hr.services import onboarding as onboarding_services
from tests.factories import EmployeeFactory, UserFactory
from tests.hr.hiring_factories import ApplicantFactory, JobOpeningFactory

User = get_user_model()


def accepted(applicant, by, *, start_in_days=30):
    today = timezone.localdate()
    offer = interviews_services.offer_create(
        by=by,
        applicant=applicant,
        salary=Decimal("6500.00"),
        start_date=today + timedelta(days=start_in_days),
        contract_type="Permanent, full time",
        expires_on=today + timedelta(days=5),
    )
    interviews_services.offer_set_status(by=by, offer=offer, status="sent")
    interviews_services.offer_set_status(by=by, offer=offer, status="accepted")
    return offer


@pytest.fixture
def ready(role_users):
    """An applicant at the offer stage who accepted, for an opening with one place."""
    opening = JobOpeningFactory(hiring_manager=role_users["manager"].employee)
    applicant = ApplicantFactory(
        opening=opening, stage=Applicant.Stage.OFFER, first_name="Sorina", last_name="Nou"
    )
    offer = accepted(applicant, role_users["hr"])
    return applicant, offer


def hire(by, applicant, **overrides):
    fields = {"employee_number": "H-0001", "username": "sorina.nou", "site_url": "http://t/"}
    return hire_services.applicant_hire(by=by, applicant=applicant, **(fields | overrides))


def test_hiring_creates_the_employee_the_login_and_the_onboarding_in_one_go(
    role_users, ready, django_capture_on_commit_callbacks
):
    applicant, offer = ready
    seen = []

    def spy(sender, **kwargs):
        seen.append(kwargs)

    events.employee_hired.connect(spy)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            employee = hire(role_users["hr"], applicant)
    finally:
        events.employee_hired.disconnect(spy)
    applicant.refresh_from_db()
    assert applicant.stage == Applicant.Stage.HIRED
    assert applicant.employee == employee
    assert employee.hire_date == offer.start_date
    assert employee.position == applicant.opening.position
    assert employee.manager == role_users["manager"].employee
    assert [kw["employee"] for kw in seen] == [employee]
    user = employee.user
    assert user.username == "sorina.nou"
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [roles.EMPLOYEE]
    checklist = OnboardingChecklist.objects.get(employee=employee)
    titles = list(checklist.tasks.values_list("title", flat=True))
    assert "Sign the employment contract" in titles
    assert len(titles) == 5
    assert applicant.opening.applicants.get().stage == Applicant.Stage.HIRED
    applicant.opening.refresh_from_db()
    assert applicant.opening.status == JobOpening.Status.CLOSED  # its one place is filled
    assert applicant.stage_changes.last().to_stage == Applicant.Stage.HIRED


def test_the_new_employee_gets_one_working_password_link_however_often_the_task_runs(
    client, role_users, ready, django_capture_on_commit_callbacks
):
    applicant, _offer = ready
    with django_capture_on_commit_callbacks(execute=True):
        employee = hire(role_users["hr"], applicant)
    assert len(mail.outbox) == 1
    assert (
        onboarding_services.onboarding_welcome_email(
            checklist_id=employee.onboarding.pk, site_url="http://t/"
        )
        is False
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [applicant.email]
    link = next(line for line in message.body.splitlines() if line.startswith("http://t/"))
    path = link.removeprefix("http://t")
    response = client.get(path, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "a-Long-new-secret-42", "new_password2": "a-Long-new-secret-42"},
    )
    assert response.status_code == 302
    employee.user.refresh_from_db()
    assert employee.user.check_password("a-Long-new-secret-42")


@pytest.mark.parametrize("clash", ["employee_number", "username"])
def test_a_duplicate_employee_number_or_username_is_refused_and_nothing_is_created(
    role_users, ready, clash
):
    applicant, _offer = ready
    EmployeeFactory(employee_number="H-0001")
    UserFactory(username="Sorina.Nou")
    overrides = {"employee_number": "H-0002"} if clash == "username" else {"username": "free"}
    before = (Employee.objects.count(), User.objects.count(), OnboardingChecklist.objects.count())
    with pytest.raises(hiring_services.HiringError, match="already"):
        hire(role_users["hr"], applicant, **overrides)
    after = (Employee.objects.count(), User.objects.count(), OnboardingChecklist.objects.count())
    assert after == before
    applicant.refresh_from_db()
    assert applicant.stage == Applicant.Stage.OFFER


def test_a_failure_inside_the_hire_rolls_everything_back(role_users, ready):
    applicant, _offer = ready

    def refuse(sender, **kwargs):
        raise hiring_services.HiringError("IT refuses")

    events.employee_hired.connect(refuse)
    try:
        with pytest.raises(hiring_services.HiringError, match="IT refuses"):
            hire(role_users["hr"], applicant)
    finally:
        events.employee_hired.disconnect(refuse)
    assert not User.objects.filter(username="sorina.nou").exists()
    assert not Employee.objects.filter(employee_number="H-0001").exists()
    applicant.refresh_from_db()
    assert applicant.stage == Applicant.Stage.OFFER


def test_hiring_needs_an_accepted_offer(role_users):
    applicant = ApplicantFactory(stage=Applicant.Stage.OFFER)
    with pytest.raises(hiring_services.HiringError, match="accepted an offer"):
        hire(role_users["hr"], applicant)


def test_an_opening_with_places_left_stays_open_and_a_full_one_refuses_more(role_users):
    opening = JobOpeningFactory(places=2)
    first, second, third = ApplicantFactory.create_batch(
        3, opening=opening, stage=Applicant.Stage.OFFER
    )
    for person in (first, second, third):
        accepted(person, role_users["hr"])
    hire(role_users["hr"], first, employee_number="H-1", username="first")
    opening.refresh_from_db()
    assert opening.status == JobOpening.Status.OPEN
    hire(role_users["hr"], second, employee_number="H-2", username="second")
    opening.refresh_from_db()
    assert opening.status == JobOpening.Status.CLOSED
    assert opening.closed_on == timezone.localdate()
    with pytest.raises(hiring_services.HiringError, match="filled"):
        hire(role_users["hr"], third, employee_number="H-3", username="third")


def test_the_hire_page_shows_a_duplicate_as_a_form_error(client, role_users, ready):
    applicant, _offer = ready
    EmployeeFactory(employee_number="H-0001")
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:applicant-hire", args=[applicant.pk]),
        {"employee_number": "H-0001", "username": "sorina.nou"},
    )
    assert response.status_code == 200
    assert "already in use" in str(response.context["form"].non_field_errors())
    assert not User.objects.filter(username="sorina.nou").exists()


def test_the_hire_page_hires_and_opens_the_onboarding_checklist(client, role_users, ready):
    applicant, _offer = ready
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:applicant-hire", args=[applicant.pk]),
        {"employee_number": "H-0009", "username": "sorina.nou", "work_email": ""},
        follow=True,
    )
    employee = Employee.objects.get(employee_number="H-0009")
    assert response.redirect_chain[-1][0] == reverse(
        "hr:onboarding-detail", args=[employee.onboarding.pk]
    )
    assert b"Sign the employment contract" in response.content


def test_the_hiring_manager_stops_seeing_the_agreed_salary_once_the_applicant_is_hired(
    client, role_users, ready
):
    applicant, offer = ready
    url = reverse("hr:applicant-detail", args=[applicant.pk])
    client.force_login(role_users["manager"])
    assert f'data-testid="offer-{offer.pk}"' in client.get(url).content.decode()
    hire(role_users["hr"], applicant)
    page = client.get(url).content.decode()
    assert client.get(url).status_code == 200
    assert f'data-testid="offer-{offer.pk}"' not in page
    assert "6500" not in page and "6,500" not in page and "6.500" not in page
    client.force_login(role_users["hr"])
    assert f'data-testid="offer-{offer.pk}"' in client.get(url).content.decode()
