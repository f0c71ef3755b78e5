"""Writes of the payroll inputs: pay profiles, pay items, timesheets and the
reminders about timesheets."""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounting.models.pay import PayItem, PayProfile, Timesheet, TimesheetDay, TimesheetReminder
from accounting.selectors.pay import (
    calendar_month_end,
    calendar_month_start,
    employees_to_submit,
    timesheets_to_decide,
)
from backoffice.errors import DomainError, as_domain_error, clean_or_raise
from backoffice.services import notification_send
from backoffice.validators import compact_iban, validate_iban
from backoffice.workflow import require_status, transition
from hr.models.employees import Employee

ZERO = Decimal("0.00")
MAX_DAY_HOURS = Decimal("24")
REMINDER_DAYS_BEFORE_MONTH_END = 3


class PayInputError(DomainError):
    pass


# Pay profiles ------------------------------------------------------------------


@transaction.atomic
def pay_profile_create(
    *,
    by,
    employee: Employee,
    effective_from: date,
    pay_type: str,
    monthly_salary: Decimal | None = None,
    hourly_rate: Decimal | None = None,
    normal_hours_per_day: Decimal = Decimal("8.00"),
    iban: str,
    dependants: int = 0,
    tax_exempt: bool = False,
    young_employee_deduction: bool = False,
    note: str = "",
) -> PayProfile:
    """Add a dated profile; it is in force from `effective_from` until the next one."""
    if effective_from < employee.hire_date:
        raise PayInputError(
            _("A pay profile cannot take effect before the hire date (%(date)s).")
            % {"date": employee.hire_date}
        )
    if (monthly_salary is None) == (hourly_rate is None):
        raise PayInputError(_("Give either a monthly salary or an hourly rate, not both."))
    if pay_type == PayProfile.PayType.MONTHLY and monthly_salary is None:
        raise PayInputError(_("A monthly pay profile needs a monthly salary."))
    if pay_type == PayProfile.PayType.HOURLY and hourly_rate is None:
        raise PayInputError(_("An hourly pay profile needs an hourly rate."))
    with as_domain_error(PayInputError):
        validate_iban(iban)
    if PayProfile.objects.filter(employee=employee, effective_from=effective_from).exists():
        raise PayInputError(_("This employee already has a pay profile from that date."))
    profile = PayProfile(
        employee=employee,
        effective_from=effective_from,
        pay_type=pay_type,
        monthly_salary=monthly_salary,
        hourly_rate=hourly_rate,
        normal_hours_per_day=normal_hours_per_day,
        iban=compact_iban(iban),
        dependants=dependants,
        tax_exempt=tax_exempt,
        young_employee_deduction=young_employee_deduction,
        note=note,
        created_by=by,
    )
    clean_or_raise(profile, error=PayInputError)
    profile._history_user = by
    profile._change_reason = _("New pay profile from %(date)s") % {"date": effective_from}
    profile.save()
    return profile


# Pay items ---------------------------------------------------------------------------


@transaction.atomic
def pay_item_create(
    *,
    by,
    employee: Employee,
    kind: str,
    code: str,
    amount: Decimal,
    month: date,
    recurring: bool = False,
    end_month: date | None = None,
    description: str = "",
) -> PayItem:
    if amount is None or amount <= 0:
        raise PayInputError(_("The amount must be above zero."))
    month = calendar_month_start(month)
    end_month = calendar_month_start(end_month) if (recurring and end_month) else None
    if end_month and end_month < month:
        raise PayInputError(_("The last month cannot be before the first."))
    if calendar_month_end(month) < employee.hire_date:
        raise PayInputError(_("The item applies to a month before the employee was hired."))
    item = PayItem(
        employee=employee,
        kind=kind,
        code=code,
        description=description,
        amount=amount,
        recurring=recurring,
        month=month,
        end_month=end_month,
        created_by=by,
    )
    clean_or_raise(item, error=PayInputError)
    item._history_user = by
    item.save()
    return item


# Timesheets --------------------------------------------------------------------------


@transaction.atomic
def timesheet_open(*, employee: Employee, month: date) -> Timesheet:
    """The employee's timesheet for `month`, created as a draft the first time."""
    first = calendar_month_start(month)
    timesheet, _created = Timesheet.objects.get_or_create(
        employee=employee, period_start=first, defaults={"period_end": calendar_month_end(first)}
    )
    return timesheet


def _locked(timesheet_id: int) -> Timesheet:
    return Timesheet.objects.select_for_update().select_related("employee").get(pk=timesheet_id)


def _check_days(timesheet: Timesheet, days: list[dict]) -> list[TimesheetDay]:
    rows, seen = [], set()
    for day in days:
        when = day["date"]
        if not (timesheet.period_start <= when <= timesheet.period_end):
            raise PayInputError(_("%(date)s is outside the timesheet's month.") % {"date": when})
        if when in seen:
            raise PayInputError(_("%(date)s is given twice.") % {"date": when})
        seen.add(when)
        hours = {kind: Decimal(day.get(kind) or ZERO) for kind in TimesheetDay.KINDS}
        if any(value < 0 for value in hours.values()):
            raise PayInputError(_("Hours cannot be negative (%(date)s).") % {"date": when})
        if sum(hours.values(), ZERO) > MAX_DAY_HOURS:
            raise PayInputError(_("%(date)s has more than 24 hours in total.") % {"date": when})
        if any(hours.values()):
            rows.append(TimesheetDay(timesheet=timesheet, date=when, **hours))
    return rows


@transaction.atomic
def timesheet_save(*, by, timesheet: Timesheet, days: list[dict]) -> Timesheet:
    """Replace the days of a draft or returned timesheet (days with no hours are left out)."""
    timesheet = _locked(timesheet.pk)
    if timesheet.employee.user_id != by.pk:
        raise PayInputError(_("Only the employee fills in their timesheet."))
    require_status(
        timesheet,
        Timesheet.EDITABLE,
        error=PayInputError,
        message=_("This timesheet is %(status)s and can no longer be changed.")
        % {"status": timesheet.get_status_display().lower()},
    )
    rows = _check_days(timesheet, days)
    timesheet.days.all().delete()
    TimesheetDay.objects.bulk_create(rows)
    return timesheet


@transaction.atomic
def timesheet_submit(*, by, timesheet: Timesheet) -> Timesheet:
    timesheet = _locked(timesheet.pk)
    if timesheet.employee.user_id != by.pk:
        raise PayInputError(_("Only the employee submits their timesheet."))
    already = _("This timesheet was already submitted.")
    require_status(timesheet, Timesheet.EDITABLE, error=PayInputError, message=already)
    if not timesheet.days.exists():
        raise PayInputError(_("The timesheet has no hours yet."))
    return transition(
        timesheet,
        to=Timesheet.Status.SUBMITTED,
        allowed_from=Timesheet.EDITABLE,
        by=by,
        error=PayInputError,
        message=already,
        changes={"submitted_at": timezone.now()},
    )


def _decide(by, timesheet: Timesheet, *, to: str, changes: dict | None = None) -> Timesheet:
    """The manager approves or returns a submitted timesheet."""
    timesheet = _locked(timesheet.pk)
    if not timesheets_to_decide(by).filter(pk=timesheet.pk).exists():
        raise PayInputError(_("Only the employee's manager decides on this timesheet."))
    return transition(
        timesheet,
        to=to,
        allowed_from=[Timesheet.Status.SUBMITTED],
        by=by,
        stamp="decided",
        error=PayInputError,
        message=_("Only a submitted timesheet can be approved or returned."),
        changes=changes,
    )


@transaction.atomic
def timesheet_approve(*, by, timesheet: Timesheet) -> Timesheet:
    return _decide(by, timesheet, to=Timesheet.Status.APPROVED)


@transaction.atomic
def timesheet_return(*, by, timesheet: Timesheet, comment: str) -> Timesheet:
    comment = (comment or "").strip()
    if not comment:
        raise PayInputError(_("Say what to fix: a returned timesheet needs a comment."))
    timesheet = _decide(
        by, timesheet, to=Timesheet.Status.RETURNED, changes={"manager_comment": comment}
    )
    if timesheet.employee.user_id:
        notification_send(
            recipients=[timesheet.employee.user],
            title=_("Your timesheet for %(month)s was returned")
            % {"month": f"{timesheet.period_start:%m/%Y}"},
            body=comment,
            url=reverse("accounting:timesheet-mine") + f"?month={timesheet.period_start:%Y-%m}",
            source="accounting.timesheet",
        )
    return timesheet


@transaction.atomic
def timesheets_approve_bulk(*, by, month: date) -> int:
    """Approve every submitted timesheet of the manager's team for `month`, in one
    UPDATE, and record the change in their history with one INSERT."""
    now = timezone.now()
    count = (
        timesheets_to_decide(by)
        .filter(period_start=calendar_month_start(month), status=Timesheet.Status.SUBMITTED)
        .update(status=Timesheet.Status.APPROVED, decided_by=by, decided_at=now)
    )
    if count:
        approved = Timesheet.objects.filter(
            decided_by=by, decided_at=now, status=Timesheet.Status.APPROVED
        )
        Timesheet.history.bulk_history_create(list(approved), update=True, default_user=by)
    return count


# Reminders ---------------------------------------------------------------------------


def _claim(*, users_sql: tuple[str, list], kind: str, first: date) -> list[int]:
    """Record one reminder per user, kind and month; return the users not reminded before.

    One INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING: set-based,
    and two runs at the same time cannot both claim the same person.
    """
    select, params = users_sql
    table = TimesheetReminder._meta.db_table
    sql = (
        f"INSERT INTO {table} (user_id, kind, period_start, sent_at) "  # noqa: S608 (ours)
        f"SELECT chosen.user_id, %s, %s, %s FROM ({select}) AS chosen WHERE true "
        "ON CONFLICT (user_id, kind, period_start) DO NOTHING RETURNING user_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [kind, first, timezone.now(), *params])
        return [row[0] for row in cursor.fetchall()]


def _users_to_submit(first: date):
    done = Timesheet.objects.filter(
        period_start=first,
        status__in=[Timesheet.Status.SUBMITTED, Timesheet.Status.APPROVED],
    ).values("employee_id")
    users = (
        employees_to_submit(first)
        .filter(user__isnull=False, user__is_active=True, status__in=Employee.CURRENT)
        .exclude(pk__in=done)
        .values("user_id")
        .distinct()
    )
    return users.query.sql_with_params()


def _managers_with_pending(first: date):
    users = (
        Employee.objects.filter(
            user__isnull=False,
            user__is_active=True,
            reports__timesheets__status=Timesheet.Status.SUBMITTED,
            reports__timesheets__period_start__lte=first,
        )
        .values("user_id")
        .distinct()
    )
    return users.query.sql_with_params()


@transaction.atomic
def timesheet_reminders_send(*, today: date | None = None) -> dict:
    """In the last days of the month, remind (once per month) employees whose
    timesheet is missing or unsubmitted and managers with timesheets to approve."""
    today = today or timezone.localdate()
    first = calendar_month_start(today)
    if (calendar_month_end(today) - today).days >= REMINDER_DAYS_BEFORE_MONTH_END:
        return {"to_submit": 0, "to_approve": 0}
    month = f"{first:%m/%Y}"
    to_submit = _claim(
        users_sql=_users_to_submit(first), kind=TimesheetReminder.Kind.TO_SUBMIT, first=first
    )
    to_approve = _claim(
        users_sql=_managers_with_pending(first),
        kind=TimesheetReminder.Kind.TO_APPROVE,
        first=first,
    )
    _notify(
        to_submit,
        title=_("Fill in and submit your timesheet for %(month)s") % {"month": month},
        url=reverse("accounting:timesheet-mine"),
    )
    _notify(
        to_approve,
        title=_("Timesheets of your team wait for your approval (%(month)s)") % {"month": month},
        url=reverse("accounting:timesheet-team"),
    )
    return {"to_submit": len(to_submit), "to_approve": len(to_approve)}


def _notify(user_ids: list[int], *, title: str, url: str) -> None:
    if not user_ids:
        return
    recipients = get_user_model().objects.filter(pk__in=user_ids)
    notification_send(recipients=recipients, title=title, url=url, source="accounting.timesheet")
