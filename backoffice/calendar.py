"""The company's working-day calendar: Monday to Friday minus `PublicHoliday`.

One place for every department that counts working days (payroll, leave,
complaint deadlines, service-level clocks), so they never disagree.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

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


# Business hours: the working days above, between the hours of `BUSINESS_HOURS`
# ("09:00", "17:00") in the company's zone. Service-level clocks count in them.
_SEARCH_DAYS = 400  # how far ahead a due time is looked for: no target is a year of work


def _business_window(day: date) -> tuple[datetime, datetime]:
    start, end = (time.fromisoformat(t) for t in settings.BUSINESS_HOURS)
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(day, start, tzinfo=zone),
        datetime.combine(day, end, tzinfo=zone),
    )


def business_seconds_between(start: datetime, end: datetime) -> int:
    """Seconds of business hours from `start` to `end` (0 when `end` is not after `start`)."""
    if end <= start:
        return 0
    zone = timezone.get_current_timezone()
    total = 0.0
    for day in working_dates(start.astimezone(zone).date(), end.astimezone(zone).date()):
        open_at, close_at = _business_window(day)
        overlap = (min(end, close_at) - max(start, open_at)).total_seconds()
        total += max(overlap, 0)
    return int(total)


def business_time_add(start: datetime, seconds: float) -> datetime:
    """The moment `seconds` of business hours after `start` (one query for the holidays)."""
    zone = timezone.get_current_timezone()
    first = start.astimezone(zone).date()
    remaining = max(seconds, 0)
    for day in working_dates(first, first + timedelta(days=_SEARCH_DAYS)):
        open_at, close_at = _business_window(day)
        begin = max(start, open_at)
        available = (close_at - begin).total_seconds()
        if available <= 0:
            continue
        if remaining <= available:
            return begin + timedelta(seconds=remaining)
        remaining -= available
    raise ValueError("No business hours within a year: check BUSINESS_HOURS and the holidays.")
