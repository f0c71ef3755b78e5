"""The demo payroll inputs: a valid profile for everyone, items and timesheets, once."""

from decimal import Decimal

from django.core.management import call_command
from django.utils import timezone

from accounting.models.pay import PayItem, PayProfile, Timesheet
from accounting.selectors.pay import calendar_month_start, pay_profiles_on
from backoffice.validators import validate_iban
from hr.models.employees import Employee


def test_the_demo_pays_everyone_and_has_timesheets_once(db):
    call_command("seed_demo", employees=12)
    today = timezone.localdate()
    current = Employee.objects.filter(status__in=Employee.CURRENT)
    in_force = list(pay_profiles_on(today, current))
    assert len(in_force) == current.count()
    for profile in in_force:
        validate_iban(profile.iban)
        if profile.pay_type == PayProfile.PayType.MONTHLY:
            assert profile.monthly_salary >= Decimal("4050.00")
    assert any(p.pay_type == PayProfile.PayType.HOURLY for p in in_force)
    assert PayItem.objects.filter(code="MEAL_VOUCHERS").count() == current.count()
    assert PayItem.objects.filter(code="GARNISHMENT").count() == 1
    assert PayItem.objects.filter(code="BONUS").count() == 1
    assert Timesheet.objects.filter(status=Timesheet.Status.APPROVED).exists()
    draft = Timesheet.objects.get(
        employee__user__username="employee", period_start=calendar_month_start(today)
    )
    assert draft.status == Timesheet.Status.DRAFT

    counts = (PayProfile.objects.count(), PayItem.objects.count(), Timesheet.objects.count())
    call_command("seed_demo", employees=12)
    assert counts == (
        PayProfile.objects.count(),
        PayItem.objects.count(),
        Timesheet.objects.count(),
    )
