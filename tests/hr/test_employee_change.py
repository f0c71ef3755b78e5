from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from backoffice import events
from hr.models.employees import Employee, EmploymentChange
from hr.services import employees as employees_services
from tests.factories import PositionFactory


@pytest.fixture
def changed_events():
    seen = []

    def spy(sender, **kwargs):
        seen.append(kwargs["changes"])

    events.employee_changed.connect(spy)
    yield seen
    events.employee_changed.disconnect(spy)


def test_a_change_of_position_writes_a_dated_change_and_sends_the_event(role_users, changed_events):
    employee = role_users["employee"].employee
    old_position = employee.position
    new_position = PositionFactory(title="Senior Cashier", department=employee.department)
    employees_services.employee_change(
        by=role_users["hr"],
        employee=employee,
        effective_date=date(2026, 12, 1),
        reason="Promotion",
        position=new_position,
    )
    change = EmploymentChange.objects.get(employee=employee)
    assert (change.field, change.effective_date, change.reason) == (
        "position",
        date(2026, 12, 1),
        "Promotion",
    )
    assert (change.old_value, change.new_value) == (old_position.title, "Senior Cashier")
    assert (change.old_object_id, change.new_object_id) == (old_position.pk, new_position.pk)
    assert change.recorded_by == role_users["hr"]
    assert changed_events == [{"position": (old_position, new_position)}]


def test_the_effective_date_defaults_to_today_and_each_field_gets_a_row(role_users):
    employee = role_users["employee"].employee
    employees_services.employee_change(
        by=role_users["hr"],
        employee=employee,
        manager=role_users["hr"].employee,
        status=Employee.Status.ON_LEAVE,
        work_phone="+40 21 000 000",
    )
    rows = EmploymentChange.objects.filter(employee=employee)
    assert sorted(r.field for r in rows) == ["manager", "status"]
    assert {r.effective_date for r in rows} == {timezone.localdate()}
    assert rows.get(field="status").new_value == "On leave"


def test_an_effective_date_before_hire_is_refused_and_nothing_changes(role_users, changed_events):
    employee = role_users["employee"].employee
    before = employee.position
    with pytest.raises(employees_services.EmployeeError, match="before the hire date"):
        employees_services.employee_change(
            by=role_users["hr"],
            employee=employee,
            effective_date=date(2000, 1, 1),
            position=PositionFactory(department=employee.department),
        )
    employee.refresh_from_db()
    assert employee.position == before
    assert not EmploymentChange.objects.exists()
    assert changed_events == []


def test_hr_records_a_change_through_the_page(client, role_users):
    employee = role_users["employee"].employee
    new_position = PositionFactory(department=employee.department)
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:employee-change", args=[employee.pk]),
        {
            "effective_date": "2026-12-01",
            "department": employee.department.pk,
            "position": new_position.pk,
            "manager": employee.manager.pk,
            "status": employee.status,
            "contract_type": employee.contract_type,
            "contract_end_date": "",
            "weekly_hours": "40.00",
            "reason": "Promotion",
        },
    )
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.position == new_position
    assert EmploymentChange.objects.get(employee=employee).field == "position"


def test_the_change_page_shows_a_refusal_as_a_message_and_changes_nothing(client, role_users):
    employee = role_users["employee"].employee
    before = employee.position
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:employee-change", args=[employee.pk]),
        {
            "effective_date": "2000-01-01",
            "department": employee.department.pk,
            "position": PositionFactory(department=employee.department).pk,
            "manager": "",
            "status": employee.status,
            "contract_type": employee.contract_type,
            "contract_end_date": "",
            "weekly_hours": "40.00",
            "reason": "Backdated",
        },
    )
    assert response.status_code == 200
    assert "before the hire date" in [str(m) for m in response.context["messages"]][0]
    employee.refresh_from_db()
    assert employee.position == before
    assert not EmploymentChange.objects.exists()


def test_a_departure_is_refused_as_a_change_and_left_to_the_dismissal(role_users):
    employee = role_users["employee"].employee
    with pytest.raises(employees_services.EmployeeError, match="dismissal"):
        employees_services.employee_change(
            by=role_users["hr"], employee=employee, status=Employee.Status.TERMINATED
        )
    employee.refresh_from_db()
    assert employee.status == Employee.Status.ACTIVE


def test_a_position_from_another_department_is_refused_as_a_change(role_users):
    employee = role_users["employee"].employee
    with pytest.raises(employees_services.EmployeeError, match="another department"):
        employees_services.employee_change(
            by=role_users["hr"], employee=employee, position=PositionFactory()
        )
    assert not EmploymentChange.objects.exists()
