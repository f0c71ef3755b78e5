"""The demo company's payroll inputs: pay profiles, pay items and timesheets.

Every employee without a pay profile gets one from their hire date: a
monthly gross salary by position (from the 4,050 RON minimum wage up), and
cashiers are paid by the hour. Everyone has meal vouchers; one person has a
garnishment, another a bonus this month. Hourly staff have an approved
timesheet for last month, and the demo `employee` a draft for this month.
Set-based and idempotent: a second run adds nothing.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounting.models.pay import PayItem, PayProfile, Timesheet, TimesheetDay
from accounting.selectors.pay import calendar_month_end, calendar_month_start
from backoffice.calendar import working_dates
from hr.models.employees import Employee

User = get_user_model()
HOURLY_TITLES = {"Cashier"}
HOURLY_RATE = Decimal("27.50")
MEAL_VOUCHERS = Decimal("800.00")  # 20 days x 40 RON
# Monthly gross salary by position title (RON); the rest get the default.
SALARIES = {
    "General Manager": "18500",
    "Operations Manager": "14000",
    "HR Manager": "11500",
    "Chief Accountant": "12500",
    "IT Manager": "13500",
    "Store Manager": "9000",
    "Warehouse Manager": "8500",
    "Office Manager": "7000",
    "Systems Administrator": "9500",
    "Accountant": "7500",
    "Payroll Controller": "8000",
    "HR Specialist": "6500",
    "Recruiter": "6000",
    "Support Technician": "5800",
    "Sales Assistant": "4500",
    "Storekeeper": "4800",
    "Forklift Driver": "5200",
    "Clerk": "4600",
    "Receptionist": "4050",
}
DEFAULT_SALARY = "5000"


def demo_iban(number: int) -> str:
    """A valid Romanian IBAN (check digits computed) for a demo account number."""
    bban = f"BTRL{number:016d}"
    digits = "".join(str(int(c, 36)) for c in bban + "RO00")
    return f"RO{98 - int(digits) % 97:02d}{bban}"


@transaction.atomic
def pay_demo_create() -> dict:
    today = timezone.localdate()
    profiles = _profiles()
    items = _items(today)
    timesheets = _timesheets(today)
    return {"profiles": profiles, "items": items, "timesheets": timesheets}


def _profiles() -> int:
    employees = Employee.objects.filter(
        status__in=Employee.CURRENT, pay_profiles__isnull=True
    ).select_related("position")
    new = []
    for employee in employees:
        hourly = employee.position.title in HOURLY_TITLES
        # A small spread so that equal positions do not earn exactly the same.
        salary = Decimal(SALARIES.get(employee.position.title, DEFAULT_SALARY))
        salary += Decimal(employee.pk % 5 * 150)
        new.append(
            PayProfile(
                employee=employee,
                effective_from=employee.hire_date,
                pay_type=PayProfile.PayType.HOURLY if hourly else PayProfile.PayType.MONTHLY,
                hourly_rate=HOURLY_RATE if hourly else None,
                monthly_salary=None if hourly else salary,
                iban=demo_iban(employee.pk),
                dependants=employee.pk % 3 if employee.pk % 4 == 0 else 0,
                young_employee_deduction=employee.pk % 11 == 0,
            )
        )
    bulk_create_with_history(new, PayProfile)
    return len(new)


def _items(today) -> int:
    this_month = calendar_month_start(today)
    start = calendar_month_start(this_month - timedelta(days=180))
    employees = list(
        Employee.objects.filter(status__in=Employee.CURRENT)
        .exclude(pay_items__code=PayItem.Code.MEAL_VOUCHERS)
        .order_by("pk")
    )
    new = [
        PayItem(
            employee=employee,
            kind=PayItem.Kind.EARNING,
            code=PayItem.Code.MEAL_VOUCHERS,
            description="Tichete de masă",
            amount=MEAL_VOUCHERS,
            recurring=True,
            month=max(start, calendar_month_start(employee.hire_date)),
        )
        for employee in employees
    ]
    staff = list(Employee.objects.filter(status__in=Employee.CURRENT).order_by("pk")[:12])
    if staff and not PayItem.objects.filter(code=PayItem.Code.GARNISHMENT).exists():
        new.append(
            PayItem(
                employee=staff[-1],
                kind=PayItem.Kind.DEDUCTION,
                code=PayItem.Code.GARNISHMENT,
                description="Poprire, dosar executare 123/2025",
                amount=Decimal("650.00"),
                recurring=True,
                month=max(start, calendar_month_start(staff[-1].hire_date)),
                end_month=this_month + timedelta(days=200),
            )
        )
    if len(staff) > 1 and not PayItem.objects.filter(code=PayItem.Code.BONUS).exists():
        new.append(
            PayItem(
                employee=staff[-2],
                kind=PayItem.Kind.EARNING,
                code=PayItem.Code.BONUS,
                description="Prima de performanță",
                amount=Decimal("1500.00"),
                month=max(this_month, calendar_month_start(staff[-2].hire_date)),
            )
        )
    for item in new:
        if item.end_month:
            item.end_month = calendar_month_start(item.end_month)
    bulk_create_with_history(new, PayItem)
    return len(new)


def _timesheets(today) -> int:
    last_month = calendar_month_start(calendar_month_start(today) - timedelta(days=1))
    hourly = Employee.objects.filter(
        status__in=Employee.CURRENT,
        hire_date__lte=last_month,
        pay_profiles__pay_type=PayProfile.PayType.HOURLY,
    ).exclude(timesheets__period_start=last_month)
    sheets = [
        Timesheet(
            employee=employee, period_start=last_month, period_end=calendar_month_end(last_month)
        )
        for employee in hourly.distinct()
    ]
    mine = Employee.objects.filter(user__username="employee").first()
    this_month = calendar_month_start(today)
    if mine and not mine.timesheets.filter(period_start=this_month).exists():
        sheets.append(
            Timesheet(
                employee=mine, period_start=this_month, period_end=calendar_month_end(this_month)
            )
        )
    created = bulk_create_with_history(sheets, Timesheet)
    days = []
    for sheet in created:
        last = min(sheet.period_end, today - timedelta(days=1))
        for number, day in enumerate(working_dates(sheet.period_start, last)):
            overtime = Decimal("2.00") if (sheet.employee_id + number) % 9 == 0 else Decimal(0)
            days.append(TimesheetDay(timesheet=sheet, date=day, normal=8, overtime=overtime))
    TimesheetDay.objects.bulk_create(days)
    # Approved after the days are in: the database refuses days of an approved sheet.
    Timesheet.objects.filter(
        pk__in=[sheet.pk for sheet in created if sheet.period_start == last_month]
    ).update(
        status=Timesheet.Status.APPROVED,
        submitted_at=timezone.now(),
        decided_at=timezone.now(),
        decided_by=User.objects.filter(username="manager").first(),
    )
    return len(created)
