from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.models.employees import Employee, EmployeePersonal
from hr.selectors import employees as employees_selectors
from hr.services import employees as employees_services
from tests.factories import EmployeePersonalFactory


def test_a_manager_opening_a_team_members_record_sees_no_personal_data(client, role_users):
    member = role_users["employee"].employee
    EmployeePersonalFactory(employee=member)
    manager = role_users["manager"]
    assert employees_selectors.personal_data_visible_to(manager, member) is None
    client.force_login(manager)
    assert client.get(reverse("hr:employee-detail", args=[member.pk])).status_code == 404


def test_the_employee_sees_their_own_personal_data(client, role_users):
    user = role_users["employee"]
    personal = EmployeePersonalFactory(employee=user.employee)
    assert employees_selectors.personal_data_visible_to(user, user.employee) == personal
    client.force_login(user)
    response = client.get(reverse("hr:employee-detail", args=[user.employee.pk]))
    assert response.context["personal"] == personal
    assert personal.iban.encode() in response.content
    assert b'data-testid="employment-history"' in response.content


def test_hr_sees_everyones_personal_data(client, role_users):
    client.force_login(role_users["hr"])
    for username in ("employee", "manager", "clerk"):
        personal = EmployeePersonalFactory(employee=role_users[username].employee)
        response = client.get(reverse("hr:employee-detail", args=[personal.employee.pk]))
        assert personal.home_address.encode() in response.content


def test_other_roles_never_see_someone_elses_personal_data(role_users):
    member = role_users["employee"].employee
    EmployeePersonalFactory(employee=member)
    for username in ("manager", "accountant", "controller", "it", "clerk"):
        assert employees_selectors.personal_data_visible_to(role_users[username], member) is None


def personal_form(**overrides):
    return {
        "birth_date": "1980-01-01",
        "national_id": "1800101221144",
        "home_address": "Strada Lungă 1",
        "personal_phone": "",
        "personal_email": "",
        "emergency_contact_name": "",
        "emergency_contact_phone": "",
        "iban": "RO49 AAAA 1B31 0075 9384 0000",
    } | overrides


def test_hr_records_personal_data_and_it_is_kept_in_history(client, role_users):
    member = role_users["employee"].employee
    client.force_login(role_users["hr"])
    url = reverse("hr:employee-personal-edit", args=[member.pk])
    response = client.post(url, personal_form())
    assert response.status_code == 302
    personal = EmployeePersonal.objects.get(employee=member)
    assert personal.iban == "RO49AAAA1B31007593840000"
    assert personal.history.first().history_user == role_users["hr"]


def test_an_invalid_cnp_is_refused_with_a_message_and_nothing_saved(client, role_users):
    member = role_users["employee"].employee
    client.force_login(role_users["hr"])
    url = reverse("hr:employee-personal-edit", args=[member.pk])
    response = client.post(url, personal_form(national_id="1800101221145"))
    assert response.status_code == 200
    assert "national_id" in response.context["form"].errors
    assert b"control digit" in response.content
    assert not EmployeePersonal.objects.filter(employee=member).exists()


def test_an_invalid_iban_is_refused_with_a_message_and_nothing_saved(client, role_users):
    personal = EmployeePersonalFactory(employee=role_users["employee"].employee)
    client.force_login(role_users["hr"])
    url = reverse("hr:employee-personal-edit", args=[personal.employee.pk])
    response = client.post(url, personal_form(iban="RO48AAAA1B31007593840000"))
    assert response.status_code == 200
    assert "iban" in response.context["form"].errors
    personal.refresh_from_db()
    assert personal.iban == "RO49AAAA1B31007593840000"
    assert personal.home_address != "Strada Lungă 1"


def test_the_employee_detail_query_count_does_not_grow_with_the_history(client, role_users):
    member = role_users["employee"].employee
    EmployeePersonalFactory(employee=member)
    hr = role_users["hr"]
    client.force_login(hr)
    url = reverse("hr:employee-detail", args=[member.pk])
    employees_services.employee_change(by=hr, employee=member, status=Employee.Status.ON_LEAVE)
    client.get(url)  # warm the session and permission caches
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for status in [Employee.Status.ACTIVE, Employee.Status.ON_LEAVE] * 5:
        employees_services.employee_change(by=hr, employee=member, status=status)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    assert len(few) <= 12
