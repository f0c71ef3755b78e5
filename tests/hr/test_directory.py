from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.models.employees import Employee
from tests.factories import EmployeeFactory


def test_the_directory_lists_current_staff_with_work_details_only(client, role_users):
    gone = EmployeeFactory(last_name="Plecat", status=Employee.Status.TERMINATED)
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:directory"))
    listed = list(response.context["page"].object_list)
    assert gone not in listed
    assert role_users["hr"].employee in listed
    assert role_users["hr"].employee.work_phone.encode() in response.content


def test_the_directory_searches_by_name_and_department(client, role_users):
    target = EmployeeFactory(first_name="Zenovia", last_name="Unica")
    EmployeeFactory.create_batch(5)
    client.force_login(role_users["employee"])
    by_name = client.get(reverse("hr:directory"), {"q": "zenov"})
    assert list(by_name.context["page"].object_list) == [target]
    by_department = client.get(reverse("hr:directory"), {"department": target.department.pk})
    assert list(by_department.context["page"].object_list) == [target]


def test_a_bad_filter_value_is_a_clear_message_not_an_error(client, role_users):
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:directory"), {"department": "not-a-number", "page": "x"})
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_the_directory_query_count_does_not_grow_with_the_row_count(client, role_users):
    client.force_login(role_users["employee"])
    EmployeeFactory.create_batch(5)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("hr:directory"))
    EmployeeFactory.create_batch(60)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("hr:directory"))
    assert len(many) == len(few)


def test_an_employee_can_open_their_own_record_but_not_a_colleagues(client, role_users):
    client.force_login(role_users["employee"])
    own = role_users["employee"].employee
    other = role_users["clerk"].employee
    assert client.get(reverse("hr:employee-detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("hr:employee-detail", args=[other.pk])).status_code == 404


def test_a_manager_cannot_open_a_team_members_full_record(client, role_users):
    client.force_login(role_users["manager"])
    member = role_users["employee"].employee
    assert client.get(reverse("hr:employee-detail", args=[member.pk])).status_code == 404
