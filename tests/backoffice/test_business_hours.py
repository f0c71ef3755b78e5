"""Business hours: Monday to Friday, 09:00-17:00 in the company's zone, minus
public holidays; the clocks of IT tickets count in them."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from backoffice.calendar import business_seconds_between, business_time_add
from backoffice.models import PublicHoliday

BUCHAREST = ZoneInfo("Europe/Bucharest")


def at(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=BUCHAREST)


pytestmark = pytest.mark.django_db


def test_hours_added_late_on_friday_run_on_into_monday():
    # Friday 6 March 2026, 16:00 + 2 business hours = Monday 10:00
    assert business_time_add(at(6, 16), 2 * 3600) == at(9, 10)


def test_a_start_outside_hours_counts_from_the_next_opening():
    assert business_time_add(at(7, 12), 3600) == at(9, 10)  # Saturday
    assert business_time_add(at(9, 7), 3600) == at(9, 10)  # Monday before opening


def test_a_public_holiday_is_skipped():
    PublicHoliday.objects.create(date=date(2026, 3, 9), name="Test day")
    assert business_time_add(at(6, 16), 2 * 3600) == at(10, 10)
    assert business_seconds_between(at(6, 16), at(10, 10)) == 2 * 3600


def test_seconds_between_count_only_business_hours():
    assert business_seconds_between(at(6, 16), at(9, 10)) == 2 * 3600
    assert business_seconds_between(at(9, 10), at(6, 16)) == 0
