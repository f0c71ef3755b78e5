"""A person hired in the middle of the year has leave to take at once, pro rata to the day."""

from datetime import date
from decimal import Decimal

import pytest

from hr.models.leave import LeaveLedgerEntry
from hr.services.employees import employee_hire
from hr.services.leave_counting import balance
from hr.services.leave_setup import leave_accrue_year
from tests.factories import PositionFactory, UserFactory
from tests.hr.leave_factories import leave_type

pytestmark = pytest.mark.django_db


def test_a_mid_year_hire_gets_the_years_entitlement_pro_rata_once():
    position = PositionFactory()
    joiner = employee_hire(
        by=UserFactory(roles=["HR"]),
        employee_number="J-2026-07",
        first_name="Ioana",
        last_name="Nouă",
        department=position.department,
        position=position,
        hire_date=date(2026, 7, 1),
    )
    annual = leave_type()
    accruals = LeaveLedgerEntry.objects.filter(employee=joiner, kind="accrual", year=2026)
    # 20 days a year, 184 of 365 days employed: 10.08 days.
    assert accruals.get(leave_type=annual).days == Decimal("10.08")
    leave_accrue_year(year=2026)  # the yearly job later adds nothing for her
    assert accruals.filter(leave_type=annual).count() == 1
    assert balance(joiner, annual) == Decimal("10.08")
