from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.models.hiring import Applicant, ApplicantStageChange, InterviewFeedback, Offer
from hr.services import applicants as applicants_services
from hr.services import hiring as hiring_services
from hr.services import interviews as interviews_services
from tests.factories import EmployeeFactory
from tests.hr.hiring_factories import ApplicantFactory

Stage = Applicant.Stage


def test_a_move_is_kept_as_dated_history_with_who_moved(role_users):
    applicant = ApplicantFactory()
    applicants_services.applicant_move(
        by=role_users["hr"], applicant=applicant, to_stage=Stage.SCREENING
    )
    applicants_services.applicant_move(
        by=role_users["hr"], applicant=applicant, to_stage=Stage.INTERVIEW
    )
    rows = list(applicant.stage_changes.values_list("from_stage", "to_stage", "changed_by"))
    hr_pk = role_users["hr"].pk
    assert rows == [("applied", "screening", hr_pk), ("screening", "interview", hr_pk)]
    assert applicant.history.count() == 3  # created by the factory, then two moves


@pytest.mark.parametrize(
    ("start", "target", "message"),
    [
        (Stage.APPLIED, Stage.HIRED, "hire action"),
        (Stage.OFFER, Stage.HIRED, "hire action"),
        (Stage.APPLIED, Stage.OFFER, "cannot move"),
        (Stage.REJECTED, Stage.SCREENING, "closed"),
        (Stage.HIRED, Stage.REJECTED, "closed"),
        (Stage.APPLIED, "promoted", "Unknown stage"),
    ],
)
def test_impossible_moves_are_refused_and_change_nothing(role_users, start, target, message):
    applicant = ApplicantFactory(stage=Stage.APPLIED)
    Applicant.objects.filter(pk=applicant.pk).update(
        stage=start, rejection_reason="x", employee=EmployeeFactory()
    )
    with pytest.raises(hiring_services.HiringError, match=message):
        applicants_services.applicant_move(
            by=role_users["hr"], applicant=applicant, to_stage=target
        )
    applicant.refresh_from_db()
    assert applicant.stage == start
    assert not ApplicantStageChange.objects.filter(applicant=applicant).exists()


def test_a_rejection_needs_a_reason_and_declines_the_open_offer(role_users):
    applicant = ApplicantFactory(stage=Stage.OFFER)
    today = timezone.localdate()
    offer = interviews_services.offer_create(
        by=role_users["hr"],
        applicant=applicant,
        salary=Decimal("4000.00"),
        start_date=today + timedelta(days=20),
        contract_type="Fixed term",
        expires_on=today + timedelta(days=3),
    )
    with pytest.raises(hiring_services.HiringError, match="reason"):
        applicants_services.applicant_move(
            by=role_users["hr"], applicant=applicant, to_stage=Stage.REJECTED, reason="  "
        )
    applicants_services.applicant_move(
        by=role_users["hr"], applicant=applicant, to_stage=Stage.REJECTED, reason="Went elsewhere"
    )
    applicant.refresh_from_db()
    offer.refresh_from_db()
    assert applicant.rejection_reason == "Went elsewhere"
    assert offer.status == Offer.Status.DECLINED


def test_the_move_button_shows_a_refusal_as_a_message(client, role_users):
    applicant = ApplicantFactory(stage=Stage.APPLIED)
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:applicant-move", args=[applicant.pk]), {"to_stage": "hired"}, follow=True
    )
    assert "hire action" in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.stage == Stage.APPLIED


def offer_fields(**overrides):
    today = timezone.localdate()
    return {
        "salary": Decimal("5200.50"),
        "start_date": today + timedelta(days=30),
        "contract_type": "Permanent",
        "expires_on": today + timedelta(days=10),
    } | overrides


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"expires_on": timezone.localdate() + timedelta(days=40)}, "on or before the start"),
        ({"expires_on": timezone.localdate() - timedelta(days=1)}, "in the past"),
        ({"salary": 5200.5}, "exact amount"),
        ({"salary": Decimal("0.00")}, "salary"),
    ],
)
def test_an_offer_with_dates_in_the_wrong_order_or_a_bad_salary_is_refused(
    role_users, overrides, message
):
    applicant = ApplicantFactory(stage=Stage.OFFER)
    with pytest.raises(hiring_services.HiringError, match=message):
        interviews_services.offer_create(
            by=role_users["hr"], applicant=applicant, **offer_fields(**overrides)
        )
    assert not Offer.objects.exists()


def test_an_offer_needs_the_offer_stage_and_moves_draft_sent_accepted(role_users):
    early = ApplicantFactory(stage=Stage.INTERVIEW)
    with pytest.raises(hiring_services.HiringError, match="offer stage"):
        interviews_services.offer_create(by=role_users["hr"], applicant=early, **offer_fields())
    applicant = ApplicantFactory(stage=Stage.OFFER)
    offer = interviews_services.offer_create(
        by=role_users["hr"], applicant=applicant, **offer_fields()
    )
    with pytest.raises(hiring_services.HiringError, match="cannot become accepted"):
        interviews_services.offer_set_status(by=role_users["hr"], offer=offer, status="accepted")
    interviews_services.offer_set_status(by=role_users["hr"], offer=offer, status="sent")
    interviews_services.offer_set_status(by=role_users["hr"], offer=offer, status="accepted")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ACCEPTED
    assert offer.salary == Decimal("5200.50")
    with pytest.raises(hiring_services.HiringError, match="cannot become"):
        interviews_services.offer_set_status(by=role_users["hr"], offer=offer, status="declined")


def test_the_offer_form_refuses_dates_in_the_wrong_order_and_stores_nothing(client, role_users):
    applicant = ApplicantFactory(stage=Stage.OFFER)
    client.force_login(role_users["hr"])
    today = timezone.localdate()
    response = client.post(
        reverse("hr:offer-create", args=[applicant.pk]),
        {
            "salary": "5000.00",
            "contract_type": "Permanent",
            "start_date": (today + timedelta(days=5)).isoformat(),
            "expires_on": (today + timedelta(days=9)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "on or before the start date" in str(response.context["form"].errors)
    assert not Offer.objects.exists()


def feedback(**overrides):
    return {
        "skills": 4,
        "experience": 3,
        "communication": 5,
        "culture": 4,
        "recommendation": "yes",
        "comments": "Solid.",
    } | overrides


def test_only_an_interviewer_records_feedback_and_a_second_time_corrects_it(role_users, hiring):
    interview = hiring["interview"]
    for outsider in ("hr", "manager", "clerk"):
        with pytest.raises(hiring_services.HiringError, match="Only the interviewers"):
            interviews_services.interview_feedback_record(
                by=role_users[outsider], interview=interview, **feedback()
            )
    interviewer = role_users["employee"]
    interviews_services.interview_feedback_record(by=interviewer, interview=interview, **feedback())
    interviews_services.interview_feedback_record(
        by=interviewer, interview=interview, **feedback(recommendation="strong_yes")
    )
    row = InterviewFeedback.objects.get()
    assert row.recommendation == "strong_yes"
    assert row.interviewer == interviewer.employee


def test_a_score_outside_one_to_five_is_refused(role_users, hiring):
    with pytest.raises(hiring_services.HiringError):
        interviews_services.interview_feedback_record(
            by=role_users["employee"], interview=hiring["interview"], **feedback(skills=6)
        )
    assert not InterviewFeedback.objects.exists()


def test_the_interviewer_gives_feedback_through_the_form(client, role_users, hiring):
    client.force_login(role_users["employee"])
    url = reverse("hr:interview-feedback", args=[hiring["interview"].pk])
    response = client.post(url, feedback(skills="9"))
    assert response.status_code == 200
    assert not InterviewFeedback.objects.exists()
    response = client.post(url, feedback())
    assert response.status_code == 302
    assert InterviewFeedback.objects.get().communication == 5


def test_an_interview_needs_the_interview_stage_and_an_interviewer(role_users):
    applicant = ApplicantFactory(stage=Stage.SCREENING)
    when = timezone.now() + timedelta(days=1)
    with pytest.raises(hiring_services.HiringError, match="interview stage"):
        interviews_services.interview_schedule(
            by=role_users["hr"],
            applicant=applicant,
            scheduled_at=when,
            location="Room 1",
            interviewers=[role_users["it"].employee],
        )
    applicants_services.applicant_move(
        by=role_users["hr"], applicant=applicant, to_stage=Stage.INTERVIEW
    )
    with pytest.raises(hiring_services.HiringError, match="at least one"):
        interviews_services.interview_schedule(
            by=role_users["hr"],
            applicant=applicant,
            scheduled_at=when,
            location="Room 1",
            interviewers=[],
        )


def test_scheduling_tells_the_interviewers(role_users, hiring):
    notes = role_users["employee"].notifications.all()
    assert [n.url for n in notes] == [reverse("hr:applicant-detail", args=[hiring["applicant"].pk])]


def test_hr_corrects_contact_details_and_notes_but_not_the_stage(client, role_users):
    applicant = ApplicantFactory(stage=Stage.SCREENING)
    client.force_login(role_users["hr"])
    url = reverse("hr:applicant-edit", args=[applicant.pk])
    fields = {
        "first_name": "Dana",
        "last_name": "Corect",
        "email": "Dana@Example.net",
        "phone": "",
        "source": "referral",
        "notes": "Referred by Ion.",
        "stage": "hired",
    }
    assert client.post(url, fields).status_code == 302
    applicant.refresh_from_db()
    assert (applicant.last_name, applicant.email, applicant.notes) == (
        "Corect",
        "dana@example.net",
        "Referred by Ion.",
    )
    assert applicant.stage == Stage.SCREENING
    response = client.post(url, fields | {"email": "nope"})
    assert "email" in response.context["form"].errors
