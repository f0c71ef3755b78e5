from django.core.management import call_command

from hr.models.hiring import (
    Applicant,
    ApplicantStageChange,
    Interview,
    InterviewFeedback,
    JobOpening,
    Offer,
)
from hr.models.onboarding import OnboardingChecklist


def counts():
    return tuple(
        model.objects.count()
        for model in (
            JobOpening,
            Applicant,
            ApplicantStageChange,
            Interview,
            InterviewFeedback,
            Offer,
            OnboardingChecklist,
        )
    )


def test_the_demo_has_applicants_at_every_stage_and_seeding_twice_adds_nothing(db):
    call_command("seed_demo", employees=10, verbosity=0)
    stages = set(Applicant.objects.values_list("stage", flat=True))
    assert stages == set(Applicant.Stage.values)
    assert InterviewFeedback.objects.exists()
    assert Offer.objects.exists()
    hired = Applicant.objects.get(stage=Applicant.Stage.HIRED)
    assert hired.employee.onboarding.tasks.count() == 5
    assert hired.employee.manager.user.username == "manager"
    assert JobOpening.objects.filter(status=JobOpening.Status.OPEN).exists()
    before = counts()
    call_command("seed_demo", employees=10, verbosity=0)
    assert counts() == before
