import pytest
from django.urls import reverse
from django.utils import timezone

from hr.services import policies as policies_services
from tests.hr.factories import PolicyFactory, TrainingAssignmentFactory, TrainingSessionFactory

MODELS = [
    "course",
    "trainingsession",
    "trainingassignment",
    "policy",
    "policyversion",
    "policyacknowledgement",
]


@pytest.fixture
def records(role_users):
    hr = role_users["hr"]
    session = TrainingSessionFactory()
    TrainingAssignmentFactory(course=session.course, session=session)
    version = policies_services.policy_version_create(
        by=hr, policy=PolicyFactory(), effective_date=timezone.localdate(), text="Rules"
    )
    policies_services.policy_version_publish(by=hr, version=version)
    policies_services.policy_acknowledge(by=role_users["employee"], version=version)


@pytest.mark.parametrize("model", MODELS)
def test_the_admin_lists_and_searches_every_training_and_policy_model(
    client, role_users, records, model
):
    client.force_login(role_users["admin"])
    url = reverse(f"admin:hr_{model}_changelist")
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "a"}).status_code == 200


def test_acknowledgements_are_read_only_in_the_admin(client, role_users, records):
    client.force_login(role_users["admin"])
    assert client.get(reverse("admin:hr_policyacknowledgement_add")).status_code == 403


def test_assignment_and_policy_version_history_pages_open(client, role_users, records):
    from hr.models.policies import PolicyVersion
    from hr.models.training import TrainingAssignment

    client.force_login(role_users["hr"])
    assignment = TrainingAssignment.objects.get()
    version = PolicyVersion.objects.get()
    for model, pk in (("trainingassignment", assignment.pk), ("policyversion", version.pk)):
        url = reverse("backoffice:history", args=["hr", model, pk])
        assert client.get(url).status_code == 200
