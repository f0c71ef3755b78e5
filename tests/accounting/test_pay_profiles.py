from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError

from accounting.models.pay import PayProfile
from accounting.selectors.pay import pay_profile_on, pay_profiles_on
from accounting.services.pay import PayInputError, pay_profile_create
from tests.accounting.pay import IBAN, profile
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _create(employee, **fields):
    values = {
        "effective_from": date(2026, 1, 1),
        "pay_type": "monthly",
        "monthly_salary": Decimal("4050.00"),
        "iban": "ro49 aaaa 1b31 0075 9384 0000",
    } | fields
    return pay_profile_create(employee=employee, **({"by": None} | values))


def test_a_profile_is_created_with_a_compact_iban_and_history(role_users):
    employee = EmployeeFactory()
    created = _create(employee, by=role_users["accountant"])
    assert created.iban == IBAN
    assert created.history.get().history_user == role_users["accountant"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hourly_rate": Decimal("30.00")}, "not both"),
        ({"monthly_salary": None}, "not both"),
        ({"pay_type": "hourly", "monthly_salary": None, "hourly_rate": None}, "not both"),
        ({"pay_type": "hourly"}, "hourly rate"),
        ({"iban": "RO00AAAA1B31007593840000"}, "check digits"),
        ({"effective_from": date(2023, 12, 31)}, "before the hire date"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(fields, message):
    employee = EmployeeFactory(hire_date=date(2024, 1, 15))
    with pytest.raises(PayInputError, match=message):
        _create(employee, **fields)
    assert not PayProfile.objects.exists()


def test_a_second_profile_on_the_same_date_is_refused():
    employee = EmployeeFactory()
    _create(employee)
    with pytest.raises(PayInputError, match="already"):
        _create(employee, monthly_salary=Decimal("5000.00"))


def test_the_database_refuses_both_a_salary_and_a_rate():
    with pytest.raises(IntegrityError):
        profile(EmployeeFactory(), hourly_rate=Decimal("25.00"))


def test_the_profile_in_force_is_the_latest_on_or_before_the_day():
    employee = EmployeeFactory()
    old = profile(employee, effective_from=date(2024, 2, 1))
    new = profile(employee, effective_from=date(2026, 3, 1), monthly_salary=Decimal("6000"))
    assert pay_profile_on(employee, date(2024, 1, 31)) is None
    assert pay_profile_on(employee, date(2026, 2, 28)) == old
    assert pay_profile_on(employee, date(2026, 3, 1)) == new


def test_profiles_on_a_day_for_many_employees_take_one_query(django_assert_num_queries):
    employees = [EmployeeFactory() for _ in range(5)]
    expected = {}
    for n, employee in enumerate(employees):
        profile(employee, effective_from=date(2024, 2, 1))
        expected[employee.pk] = profile(
            employee, effective_from=date(2025, 1, n + 1), monthly_salary=Decimal(5000 + n)
        ).pk
        profile(employee, effective_from=date(2027, 1, 1))
    with django_assert_num_queries(1):
        found = {p.employee_id: p.pk for p in pay_profiles_on(date(2026, 6, 1))}
    assert found == expected
