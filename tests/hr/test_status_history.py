"""Every HR status change leaves a history row naming who made it; a refused one changes nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hr.models.complaints import Complaint
from hr.models.discipline import DisciplineProposal, EscalationRule, Incident
from hr.models.employees import Employee
from hr.models.hiring import Applicant, JobOpening, Offer
from hr.models.training import TrainingAssignment
from hr.services import applicants as applicants_services
from hr.services import complaints as complaints_services
from hr.services import discipline as discipline_services
from hr.services import dismissals as dismissals_services
from hr.services import hiring as hiring_services
from hr.services import interviews as interviews_services
from hr.services import training_results as training_results_services
from hr.services.training import TrainingError
from tests.factories import EmployeeFactory
from tests.hr.factories import TrainingAssignmentFactory
from tests.hr.hiring_factories import ApplicantFactory, JobOpeningFactory

Stage = Applicant.Stage


def latest(instance):
    """The newest history row of a record."""
    return type(instance).history.filter(id=instance.pk).order_by("-history_id").first()


def assert_moved(instance, *, by, field: str = "status", to: str) -> None:
    instance.refresh_from_db()
    row = latest(instance)
    assert getattr(instance, field) == to
    assert getattr(row, field) == to
    assert row.history_user == by


def assert_unchanged(instance, *, field: str = "status", was: str, rows: int) -> None:
    instance.refresh_from_db()
    assert getattr(instance, field) == was
    assert type(instance).history.filter(id=instance.pk).count() == rows


def history_count(instance) -> int:
    return type(instance).history.filter(id=instance.pk).count()


# Complaints ---------------------------------------------------------------------


@pytest.fixture
def complaint(role_users):
    return complaints_services.complaint_raise(
        by=role_users["employee"],
        category=Complaint.Category.CONFLICT,
        subject="Shouting in the stock room",
        description="Every morning.",
    )


def test_a_complaint_move_is_kept_with_the_handler(role_users, complaint):
    complaints_services.complaint_transition(
        by=role_users["hr"], complaint=complaint, status=Complaint.Status.ACKNOWLEDGED
    )
    assert_moved(complaint, by=role_users["hr"], to=Complaint.Status.ACKNOWLEDGED)
    assert latest(complaint).history_change_reason == "received -> acknowledged"


def test_a_refused_complaint_move_changes_nothing(role_users, complaint):
    rows = history_count(complaint)
    with pytest.raises(complaints_services.ComplaintError, match="cannot go from"):
        complaints_services.complaint_transition(
            by=role_users["hr"], complaint=complaint, status=Complaint.Status.DISMISSED, outcome="x"
        )
    assert_unchanged(complaint, was=Complaint.Status.RECEIVED, rows=rows)
    assert complaint.closed_at is None


# Hiring -------------------------------------------------------------------------


def test_an_applicant_move_is_kept_with_who_moved(role_users):
    applicant = ApplicantFactory()
    applicants_services.applicant_move(
        by=role_users["hr"], applicant=applicant, to_stage=Stage.SCREENING
    )
    assert_moved(applicant, by=role_users["hr"], field="stage", to=Stage.SCREENING)


def test_a_refused_applicant_move_changes_nothing(role_users):
    applicant = ApplicantFactory()
    rows = history_count(applicant)
    with pytest.raises(hiring_services.HiringError, match="cannot move"):
        applicants_services.applicant_move(
            by=role_users["hr"], applicant=applicant, to_stage=Stage.OFFER
        )
    assert_unchanged(applicant, field="stage", was=Stage.APPLIED, rows=rows)
    assert not applicant.stage_changes.exclude(from_stage="").exists()


def draft_offer(role_users) -> Offer:
    today = timezone.localdate()
    return interviews_services.offer_create(
        by=role_users["hr"],
        applicant=ApplicantFactory(stage=Stage.OFFER),
        salary=Decimal("4100.00"),
        start_date=today + timedelta(days=20),
        contract_type="Permanent",
        expires_on=today + timedelta(days=5),
    )


def test_an_offer_status_change_is_kept_with_who_made_it(role_users):
    offer = draft_offer(role_users)
    interviews_services.offer_set_status(by=role_users["admin"], offer=offer, status="sent")
    assert_moved(offer, by=role_users["admin"], to=Offer.Status.SENT)


def test_a_refused_offer_status_changes_nothing(role_users):
    offer = draft_offer(role_users)
    rows = history_count(offer)
    with pytest.raises(hiring_services.HiringError, match="cannot become accepted"):
        interviews_services.offer_set_status(by=role_users["hr"], offer=offer, status="accepted")
    assert_unchanged(offer, was=Offer.Status.DRAFT, rows=rows)


def test_rejecting_an_applicant_declines_their_offer_with_a_history_row(role_users):
    offer = draft_offer(role_users)
    applicants_services.applicant_move(
        by=role_users["hr"],
        applicant=offer.applicant,
        to_stage=Stage.REJECTED,
        reason="Chose us not",
    )
    assert_moved(offer, by=role_users["hr"], to=Offer.Status.DECLINED)


def test_an_opening_status_change_is_kept_and_a_repeat_is_refused(role_users):
    opening = JobOpeningFactory(status=JobOpening.Status.DRAFT)
    hiring_services.opening_set_status(by=role_users["hr"], opening=opening, status="open")
    assert_moved(opening, by=role_users["hr"], to=JobOpening.Status.OPEN)
    rows = history_count(opening)
    with pytest.raises(hiring_services.HiringError, match="already has this status"):
        hiring_services.opening_set_status(by=role_users["hr"], opening=opening, status="open")
    assert_unchanged(opening, was=JobOpening.Status.OPEN, rows=rows)


# Discipline ---------------------------------------------------------------------


def open_case(role_users):
    return dismissals_services.dismissal_case_open(
        by=role_users["hr"],
        employee=role_users["employee"].employee,
        reason="Third incident under a final warning",
        last_day=timezone.localdate() + timedelta(days=30),
    )


def test_the_agreement_that_dismisses_is_kept_with_who_gave_it(role_users):
    case = open_case(role_users)
    dismissals_services.dismissal_case_agree(by=role_users["hr"], case=case, as_manager=False)
    assert latest(case).history_user == role_users["hr"]
    dismissals_services.dismissal_case_agree(by=role_users["manager"], case=case, as_manager=True)
    assert_moved(case, by=role_users["manager"], to="completed")
    assert case.manager_agreed_by == role_users["manager"]
    assert case.manager_agreed_at is not None
    employee = Employee.objects.get(pk=case.employee_id)
    assert latest(employee).status == Employee.Status.NOTICE
    assert latest(employee).history_user == role_users["manager"]


def test_a_refused_dismissal_step_changes_nothing(role_users):
    case = open_case(role_users)
    dismissals_services.dismissal_case_withdraw(by=role_users["hr"], case=case)
    assert_moved(case, by=role_users["hr"], to="withdrawn")
    rows = history_count(case)
    with pytest.raises(discipline_services.DisciplineError, match="no longer awaiting"):
        dismissals_services.dismissal_case_agree(by=role_users["hr"], case=case, as_manager=False)
    assert_unchanged(case, was="withdrawn", rows=rows)
    assert case.hr_agreed_by is None


def test_declining_a_proposal_is_kept_with_who_decided(role_users):
    employee = EmployeeFactory()
    incident = Incident.objects.create(
        employee=employee,
        occurred_on=timezone.localdate(),
        description="Late",
        recorded_by=role_users["hr"],
    )
    proposal = DisciplineProposal.objects.create(
        employee=employee,
        incident=incident,
        rule=EscalationRule.objects.create(
            name="Two written warnings",
            condition=EscalationRule.Condition.WRITTEN_COUNT,
            threshold=2,
            proposes=EscalationRule.Proposal.FINAL_WARNING,
        ),
        proposes=EscalationRule.Proposal.FINAL_WARNING,
    )
    discipline_services.proposal_decline(by=role_users["hr"], proposal=proposal)
    assert_moved(proposal, by=role_users["hr"], to=DisciplineProposal.Status.DECLINED)
    assert proposal.decided_by == role_users["hr"]
    rows = history_count(proposal)
    with pytest.raises(discipline_services.DisciplineError, match="already been decided"):
        discipline_services.proposal_decline(by=role_users["admin"], proposal=proposal)
    assert_unchanged(proposal, was=DisciplineProposal.Status.DECLINED, rows=rows)
    assert proposal.decided_by == role_users["hr"]


# Training -----------------------------------------------------------------------


def test_cancelling_an_assignment_is_kept_and_a_second_cancel_refused(role_users):
    assignment = TrainingAssignmentFactory()
    training_results_services.training_assignment_cancel(by=role_users["hr"], assignment=assignment)
    assert_moved(assignment, by=role_users["hr"], to=TrainingAssignment.Status.CANCELLED)
    rows = history_count(assignment)
    with pytest.raises(TrainingError, match="already closed"):
        training_results_services.training_assignment_cancel(
            by=role_users["hr"], assignment=assignment
        )
    assert_unchanged(assignment, was=TrainingAssignment.Status.CANCELLED, rows=rows)
