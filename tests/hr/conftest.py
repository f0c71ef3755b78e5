"""Hiring fixtures: an opening managed by the demo manager, an applicant at interview
stage with a CV, interviewed by the demo employee."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hr.models.hiring import Applicant
from hr.services import applicants as applicants_services
from hr.services import interviews as interviews_services
from tests.hr.hiring_factories import ApplicantFactory, JobOpeningFactory, pdf_upload


def make_hiring(role_users) -> dict:
    hr_user = role_users["hr"]
    opening = JobOpeningFactory(hiring_manager=role_users["manager"].employee)
    applicant = applicants_services.applicant_apply(
        opening=opening,
        first_name="Ilinca",
        last_name="Candidat",
        email="ilinca@example.net",
        phone="+40 744 000 111",
        cv=pdf_upload("Ilinca CV.pdf"),
    )
    applicants_services.applicant_move(
        by=hr_user, applicant=applicant, to_stage=Applicant.Stage.INTERVIEW
    )
    interview = interviews_services.interview_schedule(
        by=hr_user,
        applicant=applicant,
        scheduled_at=timezone.now() + timedelta(days=2),
        location="Room 2",
        interviewers=[role_users["employee"].employee],
    )
    applicant.refresh_from_db()
    return {"opening": opening, "applicant": applicant, "interview": interview}


@pytest.fixture
def hiring(role_users):
    return make_hiring(role_users)


@pytest.fixture
def other_applicant(db):
    """An applicant of an opening nobody of the standing users manages or interviews for."""
    return ApplicantFactory()
