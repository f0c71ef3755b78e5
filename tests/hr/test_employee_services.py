from datetime import date

import pytest

from backoffice import events
from hr.models.employees import Employee
from hr.services import employees as employees_services
from tests.factories import EmployeeFactory, PositionFactory


def hire(by, **overrides):
    position = overrides.pop("position", None) or PositionFactory()
    fields = {
        "employee_number": "N-100",
        "first_name": "Dana",
        "last_name": "Pop",
        "department": position.department,
        "position": position,
        "hire_date": date(2026, 12, 1),
    }
    return employees_services.employee_hire(by=by, **(fields | overrides))


def test_a_duplicate_employee_number_is_refused_and_nothing_changes(role_users):
    EmployeeFactory(employee_number="N-100")
    before = Employee.objects.count()
    with pytest.raises(employees_services.EmployeeError, match="already in use"):
        hire(role_users["hr"])
    assert Employee.objects.count() == before


def test_a_position_from_another_department_is_refused(role_users):
    position = PositionFactory()
    other = PositionFactory()
    with pytest.raises(employees_services.EmployeeError, match="another department"):
        hire(role_users["hr"], position=position, department=other.department)


def test_a_last_day_before_the_hire_date_is_refused(role_users):
    employee = hire(role_users["hr"])
    with pytest.raises(employees_services.EmployeeError, match="before the hire date"):
        employees_services.employee_dismiss(
            by=role_users["hr"], employee=employee, reason="x", last_day=date(2026, 1, 1)
        )
    employee.refresh_from_db()
    assert employee.status == Employee.Status.ACTIVE


def test_dismissing_twice_is_refused(role_users):
    employee = hire(role_users["hr"])
    employees_services.employee_dismiss(
        by=role_users["hr"], employee=employee, reason="x", last_day=date(2026, 12, 31)
    )
    with pytest.raises(employees_services.EmployeeError, match="already left"):
        employees_services.employee_dismiss(
            by=role_users["hr"], employee=employee, reason="x", last_day=date(2026, 12, 31)
        )


def test_a_change_of_manager_sends_the_changed_event_with_before_and_after(role_users):
    employee = role_users["employee"].employee
    new_manager = role_users["hr"].employee
    seen = []

    def spy(sender, **kwargs):
        seen.append(kwargs["changes"])

    events.employee_changed.connect(spy)
    try:
        employees_services.employee_change(
            by=role_users["hr"], employee=employee, manager=new_manager
        )
    finally:
        events.employee_changed.disconnect(spy)
    old_manager = role_users["manager"].employee
    assert seen == [{"manager": (old_manager, new_manager)}]
