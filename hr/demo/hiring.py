"""The demo company's recruitment: openings, applicants at every stage, interviews
with feedback, an offer, and one past hire with their onboarding.

`seed_hiring()` runs after `seed_demo` has made the organisation and the demo
users; it looks everything up before creating it, so a second run changes
nothing. It creates no employees or logins: the past hire is linked to an
existing member of staff.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from hr.models.employees import Employee, Position
from hr.models.hiring import (
    Applicant,
    ApplicantStageChange,
    Interview,
    InterviewFeedback,
    JobOpening,
)
from hr.models.onboarding import OnboardingChecklist
from hr.services.onboarding import onboarding_start

User = get_user_model()
Stage = Applicant.Stage

# (position title, places, status, hiring manager's username, description)
OPENINGS = [
    ("Cashier", 2, JobOpening.Status.OPEN, "manager", "Serve customers at the tills of our store."),
    ("Sales Assistant", 1, JobOpening.Status.OPEN, "manager", "Help customers find what fits."),
    ("Support Technician", 1, JobOpening.Status.OPEN, "it", "Keep the counters' computers going."),
    ("Storekeeper", 1, JobOpening.Status.ON_HOLD, None, "Receive and store the goods."),
    ("Accountant", 1, JobOpening.Status.DRAFT, "accountant", "Keep the books with us."),
]

# (first, last, opening's position, stage, source)
APPLICANTS = [
    ("Diana", "Mihăilescu", "Cashier", Stage.APPLIED, Applicant.Source.CAREERS),
    ("Petru", "Cojocaru", "Cashier", Stage.APPLIED, Applicant.Source.JOB_BOARD),
    ("Elisabeta", "Dinu", "Cashier", Stage.SCREENING, Applicant.Source.CAREERS),
    ("Costin", "Preda", "Cashier", Stage.INTERVIEW, Applicant.Source.REFERRAL),
    ("Roxana", "Bălan", "Cashier", Stage.OFFER, Applicant.Source.CAREERS),
    ("Tudor", "Ilie", "Cashier", Stage.REJECTED, Applicant.Source.AGENCY),
    ("Alina", "Munteanu", "Sales Assistant", Stage.SCREENING, Applicant.Source.CAREERS),
    ("Victor", "Popa", "Sales Assistant", Stage.INTERVIEW, Applicant.Source.CAREERS),
    ("Camelia", "Ene", "Support Technician", Stage.APPLIED, Applicant.Source.CAREERS),
    ("Emil", "Lungu", "Support Technician", Stage.INTERVIEW, Applicant.Source.JOB_BOARD),
]
PATH = [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER]
PAST_HIRE_NUMBER = "E000001"  # a cashier in the demo manager's team, hired through the pipeline


def _email(first: str, last: str) -> str:
    return f"{first}.{last}@example.net".lower().translate(str.maketrans("ăâîșțş", "aaists"))


def _user(username: str):
    return User.objects.filter(username=username).first()


@transaction.atomic
def seed_hiring() -> None:
    hr_user = _user("hr")
    if hr_user is None:
        return
    openings = _openings(hr_user)
    now = timezone.now()
    for index, (first, last, title, stage, source) in enumerate(APPLICANTS):
        opening = openings.get(title)
        if opening is None:
            continue
        applicant, created = Applicant.objects.get_or_create(
            opening=opening,
            email=_email(first, last),
            defaults={
                "first_name": first,
                "last_name": last,
                "phone": f"+40 744 200 {index:03d}",
                "source": source,
                "stage": stage,
                "rejection_reason": "Chose another employer." if stage == Stage.REJECTED else "",
                "applied_at": now - timedelta(days=20 - index),
            },
        )
        if created:
            _history(applicant, hr_user, started=applicant.applied_at)
        if stage in (Stage.INTERVIEW, Stage.OFFER):
            _interview(applicant, hr_user, index)
        if stage == Stage.OFFER and not applicant.offers.exists():
            today = timezone.localdate()
            applicant.offers.create(
                salary=Decimal("4200.00"),
                start_date=today + timedelta(days=30),
                contract_type="Permanent, full time",
                expires_on=today + timedelta(days=10),
                status="sent",
                created_by=hr_user,
            )
    _past_hire(openings, hr_user)


def _openings(hr_user) -> dict[str, JobOpening]:
    openings = {}
    today = timezone.localdate()
    for title, places, status, manager_username, description in OPENINGS:
        position = Position.objects.filter(title=title).select_related("department").first()
        if position is None:
            continue
        manager = Employee.objects.filter(user__username=manager_username).first()
        opening, _created = JobOpening.objects.get_or_create(
            position=position,
            defaults={
                "department": position.department,
                "places": places,
                "status": status,
                "description": description,
                "hiring_manager": manager,
                "opened_on": today - timedelta(days=30) if status != "draft" else None,
                "created_by": hr_user,
            },
        )
        openings[title] = opening
    return openings


def _history(applicant: Applicant, hr_user, *, started) -> None:
    """The dated moves that led the applicant to their stage."""
    target = applicant.stage
    path = PATH[: PATH.index(target) + 1] if target in PATH else [Stage.APPLIED, target]
    rows, previous = [], ""
    for step, stage in enumerate(path):
        rows.append(
            ApplicantStageChange(
                applicant=applicant,
                from_stage=previous,
                to_stage=stage,
                changed_by=hr_user if step else None,
                changed_at=started + timedelta(days=2 * step),
                note=applicant.rejection_reason if stage == Stage.REJECTED else "",
            )
        )
        previous = stage
    ApplicantStageChange.objects.bulk_create(rows)


def _interview(applicant: Applicant, hr_user, index: int) -> None:
    if applicant.interviews.exists():
        return
    manager = applicant.opening.hiring_manager
    interviewers = [p for p in (manager, Employee.objects.filter(user=hr_user).first()) if p]
    # Someone at the offer stage was interviewed already; others may be soon.
    offset = -4 if applicant.stage == Stage.OFFER else (index % 5) - 2
    day = timezone.localdate() + timedelta(days=offset)
    when = timezone.make_aware(datetime.combine(day, time(10 + index % 6, 0)))
    interview = Interview.objects.create(
        applicant=applicant, scheduled_at=when, location="Meeting room 1", created_by=hr_user
    )
    interview.interviewers.set(interviewers)
    if when < timezone.now():
        InterviewFeedback.objects.bulk_create(
            InterviewFeedback(
                interview=interview,
                interviewer=person,
                skills=4,
                experience=3 + index % 3,
                communication=4,
                culture=5 - index % 2,
                recommendation="yes" if index % 2 else "strong_yes",
                comments="Friendly and precise; would fit the team.",
            )
            for person in interviewers
        )


def _past_hire(openings, hr_user) -> None:
    employee = Employee.objects.filter(employee_number=PAST_HIRE_NUMBER).first()
    opening = openings.get("Cashier")
    if employee is None or opening is None or hasattr(employee, "applicant"):
        return
    applicant = Applicant.objects.create(
        opening=opening,
        first_name=employee.first_name,
        last_name=employee.last_name,
        email=f"{employee.employee_number.lower()}@example.net",
        source=Applicant.Source.CAREERS,
        stage=Stage.HIRED,
        employee=employee,
        applied_at=timezone.now() - timedelta(days=60),
    )
    _history(applicant, hr_user, started=applicant.applied_at)
    ApplicantStageChange.objects.create(
        applicant=applicant,
        from_stage=Stage.OFFER,
        to_stage=Stage.HIRED,
        changed_by=hr_user,
        changed_at=applicant.applied_at + timedelta(days=10),
    )
    if not OnboardingChecklist.objects.filter(employee=employee).exists():
        onboarding_start(by=hr_user, employee=employee)
