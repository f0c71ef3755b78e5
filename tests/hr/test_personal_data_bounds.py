"""Implausible personal data is refused with a message and nothing is saved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hr.models.employees import EmployeePersonal
from hr.validators import validate_birth_date, validate_phone
from tests.hr.test_employee_personal import personal_form


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("birth_date", "2999-01-01", "Enter a date between"),
        ("birth_date", "2020-01-01", "Enter a birth date between"),
        ("birth_date", "1850-06-01", "Enter a date between"),
        ("home_address", "x" * 10_000, "at most 500 characters"),
        ("personal_phone", "call me maybe", "Enter a phone number"),
        ("emergency_contact_phone", "12", "Enter a phone number"),
    ],
)
def test_hr_gets_a_message_for_implausible_personal_data(client, role_users, field, value, message):
    member = role_users["employee"].employee
    client.force_login(role_users["hr"])
    url = reverse("hr:employee-personal-edit", args=[member.pk])
    response = client.post(url, personal_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EmployeePersonal.objects.filter(employee=member).exists()


def test_plausible_values_pass():
    validate_birth_date(date(1950, 5, 17))
    validate_phone("+40 (21) 555-01.02")
    with pytest.raises(ValidationError):
        validate_birth_date(date(2999, 1, 1))


def test_the_model_itself_refuses_a_birth_date_in_2999(role_users):
    personal = EmployeePersonal(
        employee=role_users["employee"].employee, birth_date=date(2999, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        personal.full_clean()
    assert "birth_date" in error.value.message_dict
