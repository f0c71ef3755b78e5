"""Every complaint, discipline and departure model has a working admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.models.complaints import Complaint, ComplaintNote
from hr.models.discipline import (
    DisciplineProposal,
    DismissalCase,
    EscalationRule,
    Incident,
    OffboardingItem,
    Termination,
    Warning,
)
from hr.services import complaints as complaints_services
from hr.services import discipline as discipline_services
from hr.services import dismissals as dismissals_services

MODELS = [
    Complaint,
    ComplaintNote,
    Incident,
    Warning,
    EscalationRule,
    DisciplineProposal,
    DismissalCase,
    Termination,
    OffboardingItem,
]


@pytest.fixture
def records(role_users):
    hr, employee = role_users["hr"], role_users["employee"].employee
    today = timezone.localdate()
    complaint = complaints_services.complaint_raise(
        by=role_users["employee"], category="pay", subject="Pay", description="d", anonymous=True
    )
    complaints_services.complaint_note_add(by=hr, complaint=complaint, text="note")
    discipline_services.warning_issue(
        by=hr,
        employee=employee,
        level="final",
        reason="r",
        expected_change="c",
        issued_on=today,
        expires_on=today + timedelta(days=90),
    )
    discipline_services.incident_record(
        by=hr, employee=employee, occurred_on=today, description="i"
    )
    dismissals_services.dismissal_case_open(by=hr, employee=employee, reason="r", last_day=today)
    dismissals_services.employee_terminate(
        by=hr,
        employee=role_users["clerk"].employee,
        kind="retirement",
        reason="r",
        last_day=today,
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_admin_lists_searches_and_opens_each_model(client, role_users, records, model):
    client.force_login(role_users["admin"])
    info = (model._meta.app_label, model._meta.model_name)
    listing = client.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "a"})
    assert listing.status_code == 200
    obj = model.objects.first()
    assert obj is not None
    page = client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
    assert page.status_code == 200


def test_the_admin_change_page_of_an_anonymous_complaint_hides_the_raiser(
    client, role_users, records
):
    client.force_login(role_users["admin"])
    complaint = Complaint.objects.get()
    body = client.get(reverse("admin:hr_complaint_change", args=[complaint.pk])).content.decode()
    assert "Anonymous" in body
    assert role_users["employee"].get_full_name() not in body
