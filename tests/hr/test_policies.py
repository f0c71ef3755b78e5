import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from backoffice.models import Notification
from hr.models.policies import PolicyAcknowledgement, PolicyVersion
from hr.selectors import policies as policies_selectors
from hr.services import policies as policies_services
from hr.services.policies import PolicyError
from hr.validators import POLICY_PDF_MAX_BYTES
from tests.factories import EmployeeFactory, UserFactory
from tests.hr.factories import PDF_BYTES, PolicyFactory


def published(policy, by, text="Version text"):
    version = policies_services.policy_version_create(
        by=by, policy=policy, effective_date=timezone.localdate(), text=text
    )
    return policies_services.policy_version_publish(by=by, version=version)


def test_publishing_makes_the_version_current_and_asks_everyone_bound(hr_user, role_users):
    policy = PolicyFactory()
    version = published(policy, hr_user)
    policy.refresh_from_db()
    assert policy.current_version == version
    assert version.history.first().history_user == hr_user
    asked = set(Notification.objects.values_list("recipient__username", flat=True))
    assert asked == set(role_users)


def test_the_employee_acknowledges_and_a_new_version_asks_again(client, hr_user, employee_user):
    policy = PolicyFactory(title="IT use")
    first = published(policy, hr_user)
    client.force_login(employee_user)
    page = client.get(reverse("hr:policy-mine"))
    [row] = list(page.context["policies"])
    assert row.acknowledged_at is None

    response = client.post(reverse("hr:policy-acknowledge", args=[first.pk]))
    assert response.status_code == 302
    assert PolicyAcknowledgement.objects.filter(
        employee=employee_user.employee, version=first
    ).exists()
    # Pressing twice keeps one acknowledgement.
    client.post(reverse("hr:policy-acknowledge", args=[first.pk]))
    assert PolicyAcknowledgement.objects.count() == 1
    [row] = list(client.get(reverse("hr:policy-mine")).context["policies"])
    assert row.acknowledged_at is not None

    second = published(policy, hr_user, text="New rules")
    [row] = list(client.get(reverse("hr:policy-mine")).context["policies"])
    assert row.current_version == second
    assert row.acknowledged_at is None
    # The superseded version can no longer be acknowledged.
    stale = client.post(reverse("hr:policy-acknowledge", args=[first.pk]))
    assert stale.status_code == 404


def test_nobody_acknowledges_for_someone_else(client, hr_user, role_users):
    version = published(PolicyFactory(), hr_user)
    other = role_users["clerk"].employee
    client.force_login(role_users["employee"])
    client.post(
        reverse("hr:policy-acknowledge", args=[version.pk]),
        {"employee": other.pk, "employee_id": other.pk},
    )
    acknowledged = set(PolicyAcknowledgement.objects.values_list("employee", flat=True))
    assert acknowledged == {role_users["employee"].employee.pk}


def test_a_user_without_an_employee_record_cannot_acknowledge(hr_user, outsider):
    version = published(PolicyFactory(), hr_user)
    with pytest.raises(PolicyError):
        policies_services.policy_acknowledge(by=outsider, version=version)
    assert not PolicyAcknowledgement.objects.exists()


def test_a_department_policy_reaches_only_that_department(client, hr_user, role_users):
    sales = role_users["employee"].employee.department
    policy = policies_services.policy_create(
        by=hr_user,
        title="Cash handling",
        category="other",
        applies_to_all=False,
        departments=[sales],
    )
    version = published(policy, hr_user)
    assert list(policies_selectors.policies_for(role_users["employee"].employee)) == [policy]
    assert list(policies_selectors.policies_for(role_users["clerk"].employee)) == []
    client.force_login(role_users["clerk"])
    assert client.get(reverse("hr:policy-version-detail", args=[version.pk])).status_code == 404
    assert client.post(reverse("hr:policy-acknowledge", args=[version.pk])).status_code == 404


def test_a_draft_is_not_shown_to_employees(client, hr_user, employee_user):
    policy = PolicyFactory()
    draft = policies_services.policy_version_create(
        by=hr_user, policy=policy, effective_date=timezone.localdate(), text="Draft"
    )
    client.force_login(employee_user)
    assert list(client.get(reverse("hr:policy-mine")).context["policies"]) == []
    assert client.get(reverse("hr:policy-version-detail", args=[draft.pk])).status_code == 404


def test_hr_uploads_a_pdf_version(client, hr_user):
    policy = PolicyFactory()
    client.force_login(hr_user)
    upload = SimpleUploadedFile("rules.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(
        reverse("hr:policy-version-create", args=[policy.pk]),
        {"effective_date": "2026-01-01", "file": upload},
    )
    assert response.status_code == 302
    version = PolicyVersion.objects.get()
    assert version.file.read().startswith(b"%PDF-")
    assert not version.published
    download = client.get(reverse("hr:policy-version-file", args=[version.pk]))
    assert download["Content-Type"] == "application/pdf"


def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(client, hr_user):
    policy = PolicyFactory()
    client.force_login(hr_user)
    fake = SimpleUploadedFile("rules.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("hr:policy-version-create", args=[policy.pk]),
        {"effective_date": "2026-01-01", "file": fake},
    )
    assert response.status_code == 200
    assert b"The file is not a PDF document." in response.content
    assert not PolicyVersion.objects.exists()


def test_a_pdf_over_10_mb_is_refused(client, hr_user):
    policy = PolicyFactory()
    client.force_login(hr_user)
    big = SimpleUploadedFile(
        "big.pdf", PDF_BYTES + b"0" * POLICY_PDF_MAX_BYTES, content_type="application/pdf"
    )
    response = client.post(
        reverse("hr:policy-version-create", args=[policy.pk]),
        {"effective_date": "2026-01-01", "file": big},
    )
    assert response.status_code == 200
    assert b"larger than 10 MB" in response.content
    assert not PolicyVersion.objects.exists()


def test_a_version_without_text_or_file_is_refused(client, hr_user):
    policy = PolicyFactory()
    client.force_login(hr_user)
    response = client.post(
        reverse("hr:policy-version-create", args=[policy.pk]), {"effective_date": "2026-01-01"}
    )
    assert response.status_code == 200
    assert not PolicyVersion.objects.exists()


def test_publishing_twice_is_refused_with_a_message(client, hr_user):
    version = published(PolicyFactory(), hr_user)
    client.force_login(hr_user)
    response = client.post(reverse("hr:policy-version-publish", args=[version.pk]), follow=True)
    assert b"already published" in response.content


def test_hr_sees_who_has_and_has_not_acknowledged_in_bounded_queries(
    client, hr_user, role_users, django_assert_max_num_queries
):
    EmployeeFactory.create_batch(60)
    version = published(PolicyFactory(), hr_user)
    policies_services.policy_acknowledge(by=role_users["employee"], version=version)
    client.force_login(hr_user)
    url = reverse("hr:policy-version-acknowledgements", args=[version.pk])
    with django_assert_max_num_queries(15):
        everyone = client.get(url)
    assert everyone.context["counts"] == {"total": 68, "done": 1, "pending": 67}
    assert everyone.context["page"].paginator.num_pages == 2
    done = client.get(url, {"state": "done"})
    assert [e.pk for e in done.context["page"].object_list] == [role_users["employee"].employee.pk]
    pending = client.get(url, {"state": "pending"})
    assert pending.context["page"].paginator.count == 67


def test_the_reminder_reaches_only_those_who_have_not_acknowledged(client, hr_user, role_users):
    version = published(PolicyFactory(), hr_user)
    policies_services.policy_acknowledge(by=role_users["employee"], version=version)
    no_login = EmployeeFactory()
    Notification.objects.all().delete()
    client.force_login(hr_user)
    response = client.post(reverse("hr:policy-version-remind", args=[version.pk]))
    assert response.status_code == 302
    reminded = set(Notification.objects.values_list("recipient__username", flat=True))
    assert reminded == set(role_users) - {"employee"}
    assert no_login.user is None
    assert UserFactory._meta.model.objects.filter(notifications__isnull=False).count() == 7


def test_acknowledging_needs_the_csrf_token_of_the_page(hr_user, employee_user):
    from django.test import Client

    version = published(PolicyFactory(), hr_user)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(employee_user)
    url = reverse("hr:policy-acknowledge", args=[version.pk])
    assert browser.post(url).status_code == 403
    assert not PolicyAcknowledgement.objects.exists()
    page = browser.get(reverse("hr:policy-mine"))
    token = page.cookies["csrftoken"].value
    assert browser.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert PolicyAcknowledgement.objects.count() == 1
    assert browser.get(url).status_code == 405  # never a GET
