from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.models.training import TrainingAssignment, TrainingSession
from tests.factories import EmployeeFactory
from tests.hr.factories import CourseFactory, TrainingAssignmentFactory, TrainingSessionFactory

Status = TrainingAssignment.Status


def test_my_training_lists_my_assignments_only_with_expiry(client, role_users):
    me = role_users["employee"].employee
    course = CourseFactory(title="First aid", validity_months=24)
    mine = TrainingAssignmentFactory(
        employee=me, course=course, status=Status.COMPLETED, completed_on=timezone.localdate()
    )
    theirs = TrainingAssignmentFactory(employee=role_users["clerk"].employee)
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:training-mine"))
    assert list(response.context["page"].object_list) == [mine]
    assert response.context["page"].object_list[0].expires_on is not None
    assert theirs.course.title.encode() not in response.content
    assert b"First aid" in response.content


def test_an_employee_cannot_open_anothers_assignment(client, role_users):
    other = TrainingAssignmentFactory(employee=role_users["clerk"].employee)
    own = TrainingAssignmentFactory(employee=role_users["employee"].employee)
    client.force_login(role_users["employee"])
    assert client.get(reverse("hr:assignment-detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("hr:assignment-detail", args=[other.pk])).status_code == 404


def test_an_employee_cannot_record_results_of_a_session_they_do_not_train(client, role_users):
    start = timezone.now() - timedelta(days=1)
    session = TrainingSessionFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    colleague = TrainingAssignmentFactory(
        employee=role_users["clerk"].employee, course=session.course, session=session
    )
    own = TrainingAssignmentFactory(
        employee=role_users["employee"].employee, course=session.course, session=session
    )
    client.force_login(role_users["employee"])
    response = client.post(
        reverse("hr:session-record", args=[session.pk]), record_form([own, colleague], "pass")
    )
    assert response.status_code == 404
    assert TrainingAssignment.objects.filter(status=Status.ASSIGNED).count() == 2


def test_the_trainer_records_their_sessions_results(client, role_users):
    trainer = role_users["it"].employee
    start = timezone.now() - timedelta(days=1)
    session = TrainingSessionFactory(
        starts_at=start, ends_at=start + timedelta(hours=2), trainer=trainer, trainer_name=""
    )
    attendee = TrainingAssignmentFactory(course=session.course, session=session)
    client.force_login(role_users["it"])
    response = client.post(
        reverse("hr:session-record", args=[session.pk]), record_form([attendee], "pass")
    )
    assert response.status_code == 302
    attendee.refresh_from_db()
    assert attendee.status == Status.COMPLETED


def record_form(assignments, outcome, **extra):
    data = {
        "results-TOTAL_FORMS": str(len(assignments)),
        "results-INITIAL_FORMS": str(len(assignments)),
        "completed_on": timezone.localdate().isoformat(),
    }
    for index, a in enumerate(assignments):
        data[f"results-{index}-assignment_id"] = str(a.pk)
        data[f"results-{index}-outcome"] = outcome
        data[f"results-{index}-score"] = "80"
    return data | extra


def test_a_manager_sees_the_team_training_but_not_other_teams(client, role_users):
    member = TrainingAssignmentFactory(employee=role_users["employee"].employee)
    stranger = TrainingAssignmentFactory(employee=role_users["clerk"].employee)
    client.force_login(role_users["manager"])
    response = client.get(reverse("hr:training-team"))
    assert list(response.context["page"].object_list) == [member]
    assert client.get(reverse("hr:assignment-detail", args=[member.pk])).status_code == 200
    assert client.get(reverse("hr:assignment-detail", args=[stranger.pk])).status_code == 404


def test_hr_dashboard_counts_overdue_and_expiring_and_links_to_the_lists(client, role_users):
    today = timezone.localdate()
    TrainingAssignmentFactory.create_batch(2, due_date=today - timedelta(days=1))
    TrainingAssignmentFactory(
        course=CourseFactory(validity_months=1),
        status=Status.COMPLETED,
        completed_on=today - timedelta(days=20),
    )
    client.force_login(role_users["hr"])
    response = client.get(reverse("hr:index"))
    assert response.context["training"] == {"overdue": 2, "expiring": 1}
    overdue_link = reverse("hr:assignment-list") + "?state=overdue"
    assert overdue_link.encode() in response.content
    listed = client.get(overdue_link)
    assert listed.context["page"].paginator.count == 2
    expiring = client.get(reverse("hr:assignment-list"), {"state": "expiring"})
    assert expiring.context["page"].paginator.count == 1


@pytest.mark.parametrize(
    ("url_name", "username"),
    [("hr:assignment-list", "hr"), ("hr:course-list", "hr"), ("hr:training-team", "manager")],
)
def test_list_pages_issue_a_bounded_number_of_queries(
    client, role_users, django_assert_max_num_queries, url_name, username
):
    course = CourseFactory()
    manager = role_users["manager"].employee
    for employee in EmployeeFactory.create_batch(60, manager=manager):
        TrainingAssignmentFactory(employee=employee, course=course)
    CourseFactory.create_batch(55)
    client.force_login(role_users[username])
    with django_assert_max_num_queries(15):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert response.context["page"].paginator.num_pages == 2


def test_course_detail_and_my_training_stay_bounded(
    client, role_users, django_assert_max_num_queries
):
    course = CourseFactory()
    for employee in EmployeeFactory.create_batch(60):
        TrainingAssignmentFactory(employee=employee, course=course)
    TrainingSessionFactory.create_batch(3, course=course)
    client.force_login(role_users["hr"])
    with django_assert_max_num_queries(15):
        assert client.get(reverse("hr:course-detail", args=[course.pk])).status_code == 200


def test_a_session_ending_before_it_starts_shows_a_message_and_saves_nothing(client, role_users):
    course = CourseFactory()
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:session-create", args=[course.pk]),
        {
            "starts_at": "2030-05-02T10:00",
            "ends_at": "2030-05-02T09:00",
            "location": "Room 2",
            "trainer_name": "Ext",
            "capacity": "10",
        },
    )
    assert response.status_code == 200
    assert b"A session must end after it starts." in response.content
    assert not TrainingSession.objects.exists()


def test_a_negative_duration_or_zero_validity_is_a_form_error(client, role_users):
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:course-create"),
        {"title": "Bad", "duration_hours": "-3", "validity_months": "0", "is_active": "on"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "duration_hours" in errors and "validity_months" in errors


def test_hr_assigns_a_course_to_one_employee_from_the_course_page(client, role_users):
    course = CourseFactory()
    session = TrainingSessionFactory(course=course)
    employee = role_users["employee"].employee
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:course-assign", args=[course.pk]),
        {"target": "employee", "employee": employee.pk, "session": session.pk},
    )
    assert response.status_code == 302
    assignment = TrainingAssignment.objects.get(employee=employee, course=course)
    assert assignment.session == session
    assert assignment.assigned_by == role_users["hr"]


def test_assigning_without_choosing_who_is_a_clear_error(client, role_users):
    course = CourseFactory()
    client.force_login(role_users["hr"])
    response = client.post(reverse("hr:course-assign", args=[course.pk]), {"target": "position"})
    assert response.status_code == 200
    assert "position" in response.context["form"].errors
    assert not TrainingAssignment.objects.exists()


def test_a_due_date_in_the_past_is_refused_with_a_message(client, role_users):
    course = CourseFactory()
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:course-assign", args=[course.pk]),
        {"target": "everyone", "due_date": "2001-01-01"},
        follow=True,
    )
    assert b"The due date is in the past." in response.content
    assert not TrainingAssignment.objects.exists()


def result_form(**overrides):
    return {
        "outcome": "pass",
        "score": "88",
        "completed_on": timezone.localdate().isoformat(),
        "notes": "",
    } | overrides


def test_an_employee_cannot_complete_anyones_assignment_not_even_their_own(client, role_users):
    own = TrainingAssignmentFactory(employee=role_users["employee"].employee)
    other = TrainingAssignmentFactory(employee=role_users["clerk"].employee)
    client.force_login(role_users["employee"])
    for assignment in (own, other):
        url = reverse("hr:assignment-record", args=[assignment.pk])
        assert client.post(url, result_form()).status_code == 403
        cancel = reverse("hr:assignment-cancel", args=[assignment.pk])
        assert client.post(cancel).status_code == 403
    assert set(TrainingAssignment.objects.values_list("status", flat=True)) == {Status.ASSIGNED}


def test_hr_records_one_assignments_result_and_it_is_kept_in_history(client, role_users):
    assignment = TrainingAssignmentFactory(employee=role_users["employee"].employee)
    client.force_login(role_users["hr"])
    page = client.get(reverse("hr:assignment-detail", args=[assignment.pk]))
    assert b'data-testid="assignment-record-form"' in page.content
    response = client.post(reverse("hr:assignment-record", args=[assignment.pk]), result_form())
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == Status.COMPLETED
    assert assignment.history.first().history_user == role_users["hr"]
    again = client.post(
        reverse("hr:assignment-record", args=[assignment.pk]), result_form(), follow=True
    )
    assert b"This assignment is already closed." in again.content


def test_a_result_dated_in_the_future_is_refused_and_nothing_changes(client, role_users):
    assignment = TrainingAssignmentFactory()
    client.force_login(role_users["hr"])
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(
        reverse("hr:assignment-record", args=[assignment.pk]), result_form(completed_on=future)
    )
    assert response.status_code == 200
    assert b"cannot be dated in the future" in response.content
    assignment.refresh_from_db()
    assert assignment.status == Status.ASSIGNED


def test_a_cancelled_assignment_frees_the_course_for_a_new_one(client, role_users):
    from hr.services import training as training_services

    assignment = TrainingAssignmentFactory()
    client.force_login(role_users["hr"])
    client.post(reverse("hr:assignment-cancel", args=[assignment.pk]))
    assignment.refresh_from_db()
    assert assignment.status == Status.CANCELLED
    again = training_services.employees_for_target(target="employee", employee=assignment.employee)
    assert (
        training_services.training_assign(
            by=role_users["hr"], course=assignment.course, employees=again
        )
        == 1
    )
