"""Helpers for the payroll-input tests."""

from datetime import date
from decimal import Decimal

from accounting.models.pay import PayProfile, Timesheet, TimesheetDay
from accounting.selectors.pay import calendar_month_end
from backoffice.calendar import working_dates

IBAN = "RO49AAAA1B31007593840000"


def profile(employee, *, by=None, effective_from=date(2024, 2, 1), **fields) -> PayProfile:
    values = {
        "pay_type": PayProfile.PayType.MONTHLY,
        "monthly_salary": Decimal("5000.00"),
        "iban": IBAN,
    } | fields
    return PayProfile.objects.create(
        employee=employee, effective_from=effective_from, created_by=by, **values
    )


def timesheet(employee, *, month=date(2026, 3, 1), status=Timesheet.Status.DRAFT, hours="8"):
    """A timesheet with normal hours on every working day, in the given status."""
    sheet = Timesheet.objects.create(
        employee=employee, period_start=month, period_end=calendar_month_end(month)
    )
    TimesheetDay.objects.bulk_create(
        TimesheetDay(timesheet=sheet, date=day, normal=Decimal(hours))
        for day in working_dates(month, calendar_month_end(month))
    )
    if status != Timesheet.Status.DRAFT:
        Timesheet.objects.filter(pk=sheet.pk).update(status=status)
        sheet.refresh_from_db()
    return sheet
