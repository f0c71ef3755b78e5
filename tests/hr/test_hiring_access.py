"""Object rules of hiring: who sees which applicant, CV, feedback and checklist."""

from django.urls import reverse

from hr.models.onboarding import OnboardingTask
from hr.selectors import hiring as hiring_selectors
from hr.services import interviews as interviews_services
from hr.services import onboarding as onboarding_services
from tests.factories import EmployeeFactory, UserFactory
from tests.hr.hiring_factories import PDF_BYTES, ApplicantFactory, JobOpeningFactory


def test_an_employee_who_is_not_an_interviewer_cannot_open_an_applicant_or_its_cv(
    client, role_users, hiring
):
    applicant = hiring["applicant"]
    for username in ("clerk", "it", "accountant"):
        client.force_login(role_users[username])
        assert client.get(reverse("hr:applicant-detail", args=[applicant.pk])).status_code == 404
        assert client.get(reverse("hr:applicant-cv", args=[applicant.pk])).status_code == 404


def test_the_interviewer_opens_the_applicant_and_downloads_the_cv(client, role_users, hiring):
    client.force_login(role_users["employee"])
    applicant = hiring["applicant"]
    assert client.get(reverse("hr:applicant-detail", args=[applicant.pk])).status_code == 200
    response = client.get(reverse("hr:applicant-cv", args=[applicant.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert 'attachment; filename="Ilinca CV.pdf"' in response["Content-Disposition"]


def test_the_interviewer_sees_only_the_applicants_they_interview(
    role_users, hiring, other_applicant
):
    visible = set(hiring_selectors.applicants_visible_to(role_users["employee"]))
    assert visible == {hiring["applicant"]}


def test_a_manager_sees_only_the_applicants_of_their_openings(client, role_users, hiring):
    manager = role_users["manager"]
    elsewhere = ApplicantFactory(opening=JobOpeningFactory(hiring_manager=EmployeeFactory()))
    mine = ApplicantFactory(opening=hiring["opening"])
    assert set(hiring_selectors.applicants_visible_to(manager)) == {hiring["applicant"], mine}
    client.force_login(manager)
    assert client.get(reverse("hr:applicant-detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("hr:applicant-detail", args=[elsewhere.pk])).status_code == 404
    assert client.get(reverse("hr:applicant-cv", args=[elsewhere.pk])).status_code == 404
    # Managers have no blanket permission on the pipeline pages.
    assert client.get(reverse("hr:applicant-list")).status_code == 403


def test_hr_sees_every_applicant(role_users, hiring, other_applicant):
    assert set(hiring_selectors.applicants_visible_to(role_users["hr"])) == {
        hiring["applicant"],
        other_applicant,
    }


def test_an_interviewer_reads_only_their_own_feedback_while_hr_and_the_manager_read_all(
    client, role_users, hiring
):
    interview = hiring["interview"]
    colleague = UserFactory(username="colleague")
    colleague_employee = EmployeeFactory(user=colleague)
    interview.interviewers.add(colleague_employee)
    scores = {"skills": 3, "experience": 3, "communication": 3, "culture": 3}
    interviews_services.interview_feedback_record(
        by=role_users["employee"], interview=interview, recommendation="yes", **scores
    )
    interviews_services.interview_feedback_record(
        by=colleague, interview=interview, recommendation="strong_no", comments="No.", **scores
    )
    url = reverse("hr:applicant-detail", args=[hiring["applicant"].pk])
    client.force_login(role_users["employee"])
    page = client.get(url).content.decode()
    assert "Strong no" not in page
    assert "Yes" in page
    for reader in ("hr", "manager"):
        client.force_login(role_users[reader])
        assert "Strong no" in client.get(url).content.decode()


def test_the_interviewer_finds_their_applicants_on_their_own_page(client, role_users, hiring):
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:my-hiring"))
    assert list(response.context["applicants"]) == [hiring["applicant"]]
    client.force_login(role_users["clerk"])
    assert list(client.get(reverse("hr:my-hiring")).context["applicants"]) == []


def test_a_cv_is_not_reachable_under_the_media_url(client, role_users, hiring):
    client.force_login(role_users["hr"])
    assert client.get("/media/" + hiring["applicant"].cv.name).status_code == 404


def test_the_new_employee_reads_their_checklist_the_manager_ticks_it(client, role_users):
    newcomer = role_users["employee"].employee  # reports to the demo manager
    checklist = onboarding_services.onboarding_start(by=role_users["hr"], employee=newcomer)
    task = checklist.tasks.first()
    url = reverse("hr:onboarding-task-done", args=[task.pk])
    client.force_login(role_users["employee"])
    assert client.get(reverse("hr:onboarding-detail", args=[checklist.pk])).status_code == 200
    assert client.post(url, {"done": "on"}).status_code == 403
    client.force_login(role_users["clerk"])
    assert client.get(reverse("hr:onboarding-detail", args=[checklist.pk])).status_code == 404
    client.force_login(role_users["manager"])
    assert client.post(url, {"done": "on"}).status_code == 302
    task = OnboardingTask.objects.get(pk=task.pk)
    assert task.done_by == role_users["manager"]
    assert task.done_at is not None
    client.post(url, {})
    task.refresh_from_db()
    assert task.done_at is None and task.done_by is None


def test_a_second_checklist_for_the_same_employee_is_refused(role_users):
    newcomer = role_users["employee"].employee
    onboarding_services.onboarding_start(by=role_users["hr"], employee=newcomer)
    try:
        onboarding_services.onboarding_start(by=role_users["hr"], employee=newcomer)
    except onboarding_services.OnboardingError as exc:
        assert "already has" in str(exc)
    else:
        raise AssertionError("a second checklist was made")
