from datetime import date

import pytest

from backoffice.calendar import working_dates, working_days
from backoffice.models import PublicHoliday

pytestmark = pytest.mark.django_db


def test_romanias_2026_holidays_are_installed_by_the_migration():
    days = set(PublicHoliday.objects.filter(date__year=2026).values_list("date", flat=True))
    assert {date(2026, 1, 1), date(2026, 4, 10), date(2026, 4, 13), date(2026, 6, 1)} <= days
    assert date(2026, 12, 1) in days
    assert len(days) == 16


def test_working_days_are_weekdays_minus_holidays():
    # April 2026: 22 weekdays, minus Good Friday (10th) and Easter Monday (13th).
    assert working_days(date(2026, 4, 1), date(2026, 4, 30)) == 20
    # December 2026: 23 weekdays, minus 1, 25 (Friday); the 26th is a Saturday.
    assert working_days(date(2026, 12, 1), date(2026, 12, 31)) == 21


def test_a_holiday_on_a_weekend_removes_nothing():
    # 24 January 2026 is a Saturday.
    assert working_days(date(2026, 1, 19), date(2026, 1, 25)) == 5


def test_an_added_holiday_counts_and_an_empty_range_has_no_days():
    PublicHoliday.objects.create(date=date(2026, 3, 2), name="Extra")
    assert date(2026, 3, 2) not in working_dates(date(2026, 3, 1), date(2026, 3, 31))
    assert working_days(date(2026, 3, 31), date(2026, 3, 1)) == 0
