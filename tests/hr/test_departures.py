from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from backoffice import events
from hr.models.discipline import DismissalCase, OffboardingItem, Termination
from hr.models.employees import Employee, EmploymentChange
from hr.services import discipline as discipline_services
from hr.services import dismissals as dismissals_services
from hr.services import employees as employees_services
from hr.tasks import employees_deactivate_departed_task
from tests.factories import EmployeeFactory, UserFactory

TODAY = timezone.localdate


@pytest.fixture
def dismissed_events():
    seen = []

    def spy(sender, **kwargs):
        seen.append(kwargs)

    events.employee_dismissed.connect(spy)
    yield seen
    events.employee_dismissed.disconnect(spy)


def open_case(role_users, last_day=None):
    return dismissals_services.dismissal_case_open(
        by=role_users["hr"],
        employee=role_users["employee"].employee,
        reason="Third incident under a final warning",
        last_day=last_day or TODAY() + timedelta(days=30),
    )


def test_a_dismissal_needs_hr_and_the_manager_and_then_dismisses(role_users, dismissed_events):
    case = open_case(role_users)
    case = dismissals_services.dismissal_case_agree(
        by=role_users["hr"], case=case, as_manager=False
    )
    assert case.status == "awaiting"
    assert dismissed_events == []
    case = dismissals_services.dismissal_case_agree(
        by=role_users["manager"], case=case, as_manager=True
    )
    assert case.status == "completed"
    employee = Employee.objects.get(pk=role_users["employee"].employee.pk)
    assert (employee.status, employee.termination_date) == ("notice", case.last_day)
    assert [e["kind"] for e in dismissed_events] == ["dismissal"]
    assert case.termination.kind == "dismissal"
    assert sorted(case.termination.items.values_list("task", "department")) == [
        ("access", "it"),
        ("equipment", "it"),
        ("exit_interview", "hr"),
        ("final_pay", "payroll"),
    ]


def test_the_same_person_cannot_give_both_agreements(role_users):
    case = open_case(role_users)
    admin = role_users["admin"]
    # The administrator becomes the employee's manager and tries to agree twice.
    Employee.objects.filter(pk=case.manager_id).update(user=None)
    Employee.objects.filter(user=admin).update(user=None)
    Employee.objects.filter(pk=case.manager_id).update(user=admin)
    dismissals_services.dismissal_case_agree(by=admin, case=case, as_manager=False)
    with pytest.raises(discipline_services.DisciplineError, match="must be another person"):
        dismissals_services.dismissal_case_agree(by=admin, case=case, as_manager=True)
    case.refresh_from_db()
    assert case.manager_agreed_by is None
    assert case.status == "awaiting"


def test_only_the_employees_own_manager_agrees_as_manager(role_users):
    case = open_case(role_users)
    with pytest.raises(discipline_services.DisciplineError, match="manager"):
        dismissals_services.dismissal_case_agree(by=role_users["hr"], case=case, as_manager=True)


def test_a_second_open_case_is_refused(role_users):
    open_case(role_users)
    with pytest.raises(
        discipline_services.DisciplineError, match="already has an open dismissal case"
    ):
        open_case(role_users)
    assert DismissalCase.objects.count() == 1


def test_a_last_day_before_the_hire_date_is_refused(role_users, client):
    employee = role_users["employee"].employee
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:dismissal-create", args=[employee.pk]),
        {"reason": "x", "last_day": "2020-01-01"},
    )
    assert "cannot be before the hire date" in response.content.decode()
    assert not DismissalCase.objects.exists()


def test_the_manager_agrees_on_their_own_page(role_users, client):
    case = open_case(role_users)
    dismissals_services.dismissal_case_agree(by=role_users["hr"], case=case, as_manager=False)
    client.force_login(role_users["manager"])
    assert list(client.get(reverse("hr:dismissal-team")).context["cases"]) == [case]
    client.post(reverse("hr:dismissal-agree-manager", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == "completed"
    assert case.manager_agreed_by == role_users["manager"]


def test_another_manager_does_not_see_the_case(role_users, client):
    case = open_case(role_users)
    other = UserFactory(username="other-manager", roles=["Manager"])
    EmployeeFactory(user=other)
    client.force_login(other)
    assert client.get(reverse("hr:dismissal-detail", args=[case.pk])).status_code == 404
    assert client.post(reverse("hr:dismissal-agree-manager", args=[case.pk])).status_code == 404
    case.refresh_from_db()
    assert case.manager_agreed_by is None


def test_a_resignation_through_the_page_opens_the_offboarding_checklist(
    role_users, client, dismissed_events
):
    employee = role_users["employee"].employee
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:termination-create", args=[employee.pk]),
        {"kind": "resignation", "reason": "Moving abroad", "last_day": "2026-12-31"},
    )
    assert response.status_code == 302
    termination = Termination.objects.get(employee=employee)
    assert termination.kind == "resignation"
    assert termination.items.count() == 4
    assert [e["kind"] for e in dismissed_events] == ["resignation"]
    page = client.get(reverse("hr:offboarding-list"))
    assert page.context["rows"][0][0] == termination
    item = termination.items.get(task="exit_interview")
    client.post(reverse("hr:offboarding-item-done", args=[item.pk]))
    item.refresh_from_db()
    assert (item.done_by, item.done_at is not None) == (role_users["hr"], True)


def test_a_departure_before_the_hire_date_changes_nothing(role_users, client):
    employee = role_users["employee"].employee
    with pytest.raises(employees_services.EmployeeError, match="before the hire date"):
        dismissals_services.employee_terminate(
            by=role_users["hr"],
            employee=employee,
            kind="retirement",
            reason="x",
            last_day=date(2000, 1, 1),
        )
    employee.refresh_from_db()
    assert (employee.status, employee.termination_date) == ("active", None)
    assert not Termination.objects.exists()
    assert not OffboardingItem.objects.exists()


def test_a_departure_while_a_dismissal_case_is_open_is_refused(role_users):
    open_case(role_users)
    with pytest.raises(discipline_services.DisciplineError, match="Withdraw"):
        dismissals_services.employee_terminate(
            by=role_users["hr"],
            employee=role_users["employee"].employee,
            kind="resignation",
            reason="x",
            last_day=TODAY(),
        )


def test_the_daily_task_closes_the_login_once_the_last_day_has_passed(role_users, client):
    user = role_users["employee"]
    staying = role_users["clerk"]
    dismissals_services.employee_terminate(
        by=role_users["hr"],
        employee=user.employee,
        kind="end_of_contract",
        reason="Fixed term ended",
        last_day=TODAY(),
    )
    assert employees_deactivate_departed_task() == 0  # the last day is today: still works
    user.refresh_from_db()
    assert user.is_active

    tomorrow = TODAY() + timedelta(days=1)
    assert dismissals_services.employees_deactivate_departed(today=tomorrow) == 1
    assert dismissals_services.employees_deactivate_departed(today=tomorrow) == 0  # idempotent
    user.refresh_from_db()
    staying.refresh_from_db()
    employee = Employee.objects.get(pk=user.employee.pk)
    assert (user.is_active, employee.status) == (False, "terminated")
    assert staying.is_active
    login = client.post(reverse("login"), {"username": user.username, "password": "pw-for-tests-1"})
    assert login.status_code == 200  # the form again, not a redirect home
    assert not login.context["form"].is_valid()
    assert employee.history.first().status == "terminated"
    assert EmploymentChange.objects.filter(
        employee=employee, field="status", new_value="Terminated"
    ).exists()


def test_the_task_terminates_a_past_last_day_with_the_real_function(role_users):
    user = role_users["employee"]
    Employee.objects.filter(pk=user.employee.pk).update(
        status="notice", termination_date=TODAY() - timedelta(days=1)
    )
    assert employees_deactivate_departed_task.apply().get() == 1
    user.refresh_from_db()
    assert not user.is_active
    assert employees_deactivate_departed_task.apply().get() == 0


def test_the_offboarding_list_takes_a_bounded_number_of_queries(
    role_users, client, django_assert_max_num_queries
):
    for _n in range(30):
        leaver = EmployeeFactory(hire_date=date(2020, 1, 1))
        dismissals_services.employee_terminate(
            by=role_users["hr"], employee=leaver, kind="retirement", reason="r", last_day=TODAY()
        )
    client.force_login(role_users["hr"])
    with django_assert_max_num_queries(10):
        response = client.get(reverse("hr:offboarding-list"))
    assert len(response.context["rows"]) == 30
    assert all(len(items) == 4 for _termination, items in response.context["rows"])
