"""Change requests: approved by the IT lead and by the system's business owner, two different
people (the service refuses one person in both roles), then scheduled, implemented and
reviewed against the expected outcome; every step with history and notifications."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from backoffice import roles
from backoffice.models import Notification
from it_support.models.changes import ChangeRequest
from it_support.services import changes as changes_services
from it_support.services.changes import ChangeError
from tests.it_support.factories import ChangeRequestFactory, SystemFactory

Status = ChangeRequest.Status


@pytest.fixture
def change(role_users):
    system = SystemFactory(owner=role_users["manager"].employee, name="Program de casă")
    return ChangeRequestFactory(system=system, requested_by=role_users["it"])


def test_both_approvals_are_needed_in_either_order(change, role_users, it_lead):
    changes_services.change_submit(by=it_lead, change=change)
    changes_services.change_approve_as_owner(by=role_users["manager"], change=change)
    change.refresh_from_db()
    assert change.status == Status.SUBMITTED
    changes_services.change_approve_as_it_lead(by=it_lead, change=change)
    change.refresh_from_db()
    assert change.status == Status.APPROVED
    assert (change.it_approved_by, change.owner_approved_by) == (it_lead, role_users["manager"])


def test_it_refuses_the_business_owner_approving_again_as_it_lead(change, role_users, it_lead):
    owner = role_users["manager"]
    owner.groups.add(Group.objects.get(name=roles.IT_LEAD))
    owner = type(owner).objects.get(pk=owner.pk)
    changes_services.change_submit(by=it_lead, change=change)
    changes_services.change_approve_as_owner(by=owner, change=change)
    with pytest.raises(ChangeError, match="a second person must"):
        changes_services.change_approve_as_it_lead(by=owner, change=change)
    change.refresh_from_db()
    assert (change.status, change.it_approved_by) == (Status.SUBMITTED, None)


def test_only_the_systems_owner_approves_for_the_business(change, role_users, it_lead):
    changes_services.change_submit(by=it_lead, change=change)
    with pytest.raises(ChangeError, match="Only the business owner"):
        changes_services.change_approve_as_owner(by=it_lead, change=change)


def test_an_it_member_who_is_not_the_lead_cannot_approve_for_it(change, role_users):
    changes_services.change_submit(by=role_users["it"], change=change)
    with pytest.raises(ChangeError, match="Only the IT lead"):
        changes_services.change_approve_as_it_lead(by=role_users["it"], change=change)


def test_a_system_without_an_owner_cannot_be_submitted(role_users):
    change = ChangeRequestFactory(system=SystemFactory(owner=None))
    with pytest.raises(ChangeError, match="no business owner"):
        changes_services.change_submit(by=role_users["it"], change=change)
    change.refresh_from_db()
    assert change.status == Status.DRAFT


def test_the_whole_way_from_draft_to_reviewed_keeps_history_and_tells_people(
    change, role_users, it_lead
):
    owner = role_users["manager"]
    changes_services.change_submit(by=it_lead, change=change)
    assert Notification.objects.filter(recipient=owner, title__startswith="Change to approve")
    changes_services.change_approve_as_it_lead(by=it_lead, change=change)
    changes_services.change_approve_as_owner(by=owner, change=change)
    with pytest.raises(ChangeError, match="still to come"):
        changes_services.change_schedule(by=it_lead, change=change, when=timezone.now())
    changes_services.change_schedule(
        by=it_lead, change=change, when=timezone.now() + timedelta(days=2)
    )
    with pytest.raises(ChangeError, match="Only an implemented change"):
        changes_services.change_review(by=it_lead, change=change, outcome=Decimal("1"), notes="")
    changes_services.change_implement(by=it_lead, change=change)
    changes_services.change_review(by=it_lead, change=change, outcome=Decimal("68.00"), notes="")
    change.refresh_from_db()
    assert change.status == Status.REVIEWED
    assert change.outcome_met is True
    assert change.change_percent(change.outcome) == Decimal("-32")
    reasons = [h.history_change_reason for h in change.history.order_by("history_date")]
    assert reasons[1:] == [
        "draft -> submitted",
        "Approved by the IT lead",
        "Approved by the business owner",
        "approved -> scheduled",
        "scheduled -> implemented",
        "implemented -> reviewed",
    ]
    assert Notification.objects.filter(recipient=owner, title__contains="target met").exists()


def test_an_outsider_gets_404_and_the_owner_sees_the_change(client, change, role_users):
    client.force_login(role_users["employee"])
    assert client.get(reverse("it_support:change-detail", args=[change.pk])).status_code == 404
    client.force_login(role_users["manager"])
    assert client.get(reverse("it_support:change-detail", args=[change.pk])).status_code == 200


def test_the_board_groups_by_status_in_a_fixed_number_of_queries(
    client, role_users, django_assert_max_num_queries
):
    for status in [Status.DRAFT, Status.SUBMITTED, Status.SCHEDULED] * 10:
        ChangeRequestFactory(status=status, requested_by=role_users["it"])
    client.force_login(role_users["it"])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("it_support:change-board"))
    columns = {status: len(rows) for status, _label, rows in response.context["columns"]}
    assert columns[Status.SCHEDULED] == 10 and columns[Status.APPROVED] == 0
