import pytest
from django.contrib import admin
from django.urls import reverse

from hr.models.hiring import (
    Applicant,
    ApplicantStageChange,
    Interview,
    InterviewFeedback,
    JobOpening,
    Offer,
)
from hr.models.onboarding import (
    OnboardingChecklist,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateTask,
)

HIRING_MODELS = [
    JobOpening,
    Applicant,
    ApplicantStageChange,
    Interview,
    InterviewFeedback,
    Offer,
    OnboardingTemplate,
    OnboardingTemplateTask,
    OnboardingChecklist,
    OnboardingTask,
]


@pytest.mark.parametrize("model", HIRING_MODELS, ids=lambda m: m.__name__)
def test_every_hiring_model_is_in_the_admin_with_search_and_filters(
    client, role_users, hiring, model
):
    model_admin = admin.site._registry[model]
    assert model_admin.search_fields
    assert model_admin.list_filter
    client.force_login(role_users["admin"])
    name = f"admin:hr_{model._meta.model_name}_changelist"
    assert client.get(reverse(name), {"q": "Ilinca"}).status_code == 200


def test_the_default_onboarding_template_comes_with_the_five_standard_tasks(db):
    template = OnboardingTemplate.objects.get(is_default=True)
    assert list(template.tasks.values_list("responsible", flat=True)) == [
        "hr",
        "it",
        "manager",
        "hr",
        "manager",
    ]


def test_an_applicants_stage_cannot_be_edited_in_the_admin(client, role_users, hiring):
    client.force_login(role_users["admin"])
    applicant = hiring["applicant"]
    url = reverse("admin:hr_applicant_change", args=[applicant.pk])
    page = client.get(url).content.decode()
    assert 'name="stage"' not in page


def test_without_any_template_the_standard_one_is_made_again(role_users):
    from hr.services import onboarding as onboarding_services

    OnboardingTemplate.objects.all().delete()
    checklist = onboarding_services.onboarding_start(
        by=role_users["hr"], employee=role_users["it"].employee
    )
    assert checklist.template.is_default
    assert checklist.tasks.count() == 5
