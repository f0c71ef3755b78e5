from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from hr.models.employees import Employee, EmploymentChange
from hr.services import employees as employees_services
from tests.factories import EmployeeFactory, PositionFactory


def hire(by, **overrides):
    position = PositionFactory()
    fields = {
        "employee_number": "C-1",
        "first_name": "Ilie",
        "last_name": "Contract",
        "department": position.department,
        "position": position,
        "hire_date": date(2026, 1, 5),
    }
    return employees_services.employee_hire(by=by, **(fields | overrides))


def test_a_new_hire_is_indefinite_full_time_by_default(role_users):
    employee = hire(role_users["hr"], extension="214")
    assert employee.contract_type == Employee.ContractType.INDEFINITE
    assert employee.weekly_hours == Decimal("40.00")
    assert employee.extension == "214"


def test_a_fixed_term_contract_without_an_end_date_is_refused(role_users):
    with pytest.raises(employees_services.EmployeeError, match="needs an end date"):
        hire(role_users["hr"], contract_type=Employee.ContractType.FIXED_TERM)
    assert not Employee.objects.filter(employee_number="C-1").exists()


def test_a_contract_ending_on_or_before_the_hire_date_is_refused(role_users):
    with pytest.raises(employees_services.EmployeeError, match="end after the hire date"):
        hire(
            role_users["hr"],
            contract_type=Employee.ContractType.FIXED_TERM,
            contract_end_date=date(2026, 1, 5),
        )


def test_a_part_time_contract_needs_fewer_than_forty_hours(role_users):
    with pytest.raises(employees_services.EmployeeError, match="fewer than 40"):
        hire(role_users["hr"], contract_type=Employee.ContractType.PART_TIME)
    employee = hire(
        role_users["hr"],
        contract_type=Employee.ContractType.PART_TIME,
        weekly_hours=Decimal("20.00"),
    )
    assert employee.weekly_hours == Decimal("20.00")


def test_the_database_refuses_a_fixed_term_contract_without_end_whatever_writes_it(role_users):
    employee = role_users["employee"].employee
    with pytest.raises(IntegrityError), transaction.atomic():
        Employee.objects.filter(pk=employee.pk).update(contract_type="fixed_term")


def test_a_change_of_contract_is_a_dated_change_row_for_each_field(role_users):
    employee = role_users["employee"].employee
    employees_services.employee_change(
        by=role_users["hr"],
        employee=employee,
        effective_date=date(2026, 12, 1),
        reason="Moved to part time",
        contract_type=Employee.ContractType.PART_TIME,
        weekly_hours=Decimal("30.00"),
    )
    rows = {row.field: row for row in EmploymentChange.objects.filter(employee=employee)}
    assert set(rows) == {"contract_type", "weekly_hours"}
    assert (rows["contract_type"].old_value, rows["contract_type"].new_value) == (
        "Indefinite",
        "Part time",
    )
    assert (rows["weekly_hours"].old_value, rows["weekly_hours"].new_value) == ("40.00", "30.00")
    assert rows["weekly_hours"].effective_date == date(2026, 12, 1)


def test_a_status_change_to_notice_is_recorded_as_a_dated_change(role_users):
    employee = role_users["employee"].employee
    employees_services.employee_change(
        by=role_users["hr"], employee=employee, status=Employee.Status.NOTICE, reason="Resigned"
    )
    change = EmploymentChange.objects.get(employee=employee)
    assert (change.field, change.new_value) == ("status", "Serving notice")


def test_an_invalid_contract_change_is_refused_and_writes_nothing(role_users):
    employee = role_users["employee"].employee
    with pytest.raises(employees_services.EmployeeError, match="needs an end date"):
        employees_services.employee_change(
            by=role_users["hr"],
            employee=employee,
            contract_type=Employee.ContractType.FIXED_TERM,
        )
    employee.refresh_from_db()
    assert employee.contract_type == Employee.ContractType.INDEFINITE
    assert not EmploymentChange.objects.exists()


def test_hr_changes_a_contract_through_the_page_and_a_refusal_is_a_message(client, role_users):
    employee = role_users["employee"].employee
    client.force_login(role_users["hr"])
    form = {
        "effective_date": "2026-12-01",
        "department": employee.department.pk,
        "position": employee.position.pk,
        "manager": employee.manager.pk,
        "status": employee.status,
        "contract_type": "fixed_term",
        "contract_end_date": "",
        "weekly_hours": "40.00",
        "reason": "Project",
    }
    url = reverse("hr:employee-change", args=[employee.pk])
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert "needs an end date" in str(list(refused.context["messages"])[0])
    accepted = client.post(url, form | {"contract_end_date": "2027-06-30"})
    assert accepted.status_code == 302
    employee.refresh_from_db()
    assert employee.contract_end_date == date(2027, 6, 30)
    detail = client.get(reverse("hr:employee-detail", args=[employee.pk]))
    assert b"Fixed term" in detail.content


def test_the_directory_shows_the_extension_and_manager(client, role_users):
    EmployeeFactory(first_name="Ext", last_name="Shown", extension="4321")
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:directory"), {"q": "4321"})
    assert [e.last_name for e in response.context["page"].object_list] == ["Shown"]
    assert b"4321" in response.content
    member = client.get(reverse("hr:directory"), {"q": role_users["employee"].last_name})
    assert role_users["manager"].employee.full_name.encode() in member.content
