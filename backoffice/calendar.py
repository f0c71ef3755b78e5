"""The company's working-day calendar: Monday to Friday minus `PublicHoliday`.

One place for every department that counts working days (payroll, leave,
complaint deadlines, service-level clocks), so they never disagree.
"""

from datetime import date, timedelta
from decimal import Decimal

from backoffice.models import PublicHoliday

WORKING_DAYS_A_WEEK = 5


def holidays_between(start: date, end: date) -> dict[date, str]:
    return dict(PublicHoliday.objects.filter(date__range=(start, end)).values_list("date", "name"))


def working_dates(start: date, end: date) -> list[date]:
    """Monday to Friday from `start` to `end` (both included), minus public holidays."""
    if end < start:
        return []
    holidays = holidays_between(start, end)
    days = (start + timedelta(days=n) for n in range((end - start).days + 1))
    return [day for day in days if day.weekday() < 5 and day not in holidays]


def working_days(start: date, end: date) -> int:
    return len(working_dates(start, end))


def hours_per_working_day(weekly_hours) -> Decimal:
    """The hours of one working day of a schedule of `weekly_hours` over five days."""
    return (Decimal(weekly_hours) / WORKING_DAYS_A_WEEK).quantize(Decimal("0.01"))
