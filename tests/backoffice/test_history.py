from datetime import date

from django.urls import reverse

from hr.services import employees as employees_services
from tests.factories import PositionFactory


def test_the_history_page_shows_who_changed_what_before_and_after(client, role_users):
    hr = role_users["hr"]
    employee = role_users["employee"].employee
    new_position = PositionFactory(title="Senior Cashier", department=employee.department)
    employees_services.employee_change(by=hr, employee=employee, position=new_position)
    client.force_login(hr)
    response = client.get(reverse("backoffice:history", args=["hr", "employee", employee.pk]))
    assert response.status_code == 200
    rows = response.context["rows"]
    newest = rows[0]
    assert newest.action == "changed"
    assert newest.record.history_user == hr
    assert [(c.field, c.new) for c in newest.changes] == [("position", "Senior Cashier")]
    assert rows[-1].action == "created"


def test_a_dismissal_is_recorded_in_the_history(role_users):
    employee = role_users["employee"].employee
    employees_services.employee_dismiss(
        by=role_users["hr"], employee=employee, reason="Resigned", last_day=date(2026, 12, 31)
    )
    latest = employee.history.first()
    assert latest.status == "notice"  # until the last working day has passed
    assert latest.history_user == role_users["hr"]
    assert latest.prev_record.status == "active"


def test_history_of_a_model_without_an_audit_trail_is_not_found(client, role_users):
    client.force_login(role_users["admin"])
    response = client.get(reverse("backoffice:history", args=["hr", "department", 1]))
    assert response.status_code == 404


def test_history_of_an_unknown_model_or_record_is_not_found(client, role_users):
    client.force_login(role_users["admin"])
    for args in (["hr", "nope", 1], ["hr", "employee", 999999]):
        assert client.get(reverse("backoffice:history", args=args)).status_code == 404


def test_history_needs_the_history_permission(client, role_users):
    employee = role_users["employee"].employee
    client.force_login(role_users["manager"])
    response = client.get(reverse("backoffice:history", args=["hr", "employee", employee.pk]))
    assert response.status_code == 403


def test_a_status_change_is_shown_by_its_label(client, role_users):
    employee = role_users["employee"].employee
    employees_services.employee_change(by=role_users["hr"], employee=employee, status="on_leave")
    client.force_login(role_users["hr"])
    response = client.get(reverse("backoffice:history", args=["hr", "employee", employee.pk]))
    [change] = response.context["rows"][0].changes
    assert (change.old, change.new) == ("Active", "On leave")
