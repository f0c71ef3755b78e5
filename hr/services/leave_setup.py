"""Leave types, entitlement policies and accruals: what each person is owed, in the ledger."""

import calendar
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice.errors import DomainError
from hr.leave_presets import LEAVE_TYPES, POLICY_SETS
from hr.models.employees import Employee
from hr.models.leave import LeaveLedgerEntry, LeavePolicy, LeavePolicySet, LeaveType

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
FULL_TIME_HOURS = Decimal("40")
Kind = LeaveLedgerEntry.Kind


class LeaveError(DomainError):
    pass


def round_days(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def year_end(year: int) -> date:
    return date(year, 12, 31)


def add_months(day: date, months: int) -> date:
    """The last day of the month `months` after `day`'s month (31 Dec + 18 -> 30 June)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def leave_presets_install(*, apps=None) -> None:
    """Create the shipped leave types and policy sets that are missing (by code)."""
    get = apps.get_model if apps else None
    Type = get("hr", "LeaveType") if get else LeaveType
    PolicySet = get("hr", "LeavePolicySet") if get else LeavePolicySet
    Policy = get("hr", "LeavePolicy") if get else LeavePolicy
    for order, data in enumerate(LEAVE_TYPES):
        Type.objects.get_or_create(code=data["code"], defaults={**data, "order": order})
    types = {t.code: t for t in Type.objects.all()}
    any_active = PolicySet.objects.filter(is_active=True).exists()
    for data in POLICY_SETS:
        data = dict(data)
        policies = data.pop("policies")
        if any_active:
            data["is_active"] = False
        policy_set, created = PolicySet.objects.get_or_create(code=data["code"], defaults=data)
        any_active = any_active or policy_set.is_active
        for policy in policies:
            policy = dict(policy)
            leave_type = types[policy.pop("leave_type")]
            Policy.objects.get_or_create(
                policy_set=policy_set,
                leave_type=leave_type,
                contract_type=policy.pop("contract_type"),
                effective_from=policy.pop("effective_from"),
                defaults=policy,
            )


def policies_in_force(on: date) -> dict[tuple[int, str], LeavePolicy]:
    """The active set's policies on `on`, keyed by (leave type id, contract type or "")."""
    rows = (
        LeavePolicy.objects.filter(policy_set__is_active=True, effective_from__lte=on)
        .select_related("leave_type")
        .order_by("effective_from")
    )
    return {(p.leave_type_id, p.contract_type): p for p in rows}


def policy_for(policies: dict, leave_type_id: int, contract_type: str) -> LeavePolicy | None:
    return policies.get((leave_type_id, contract_type)) or policies.get((leave_type_id, ""))


def years_of_service(employee: Employee, on: date) -> int:
    hired = employee.hire_date
    return on.year - hired.year - ((on.month, on.day) < (hired.month, hired.day))


def entitlement(employee: Employee, policy: LeavePolicy, year: int) -> Decimal:
    """Days owed for `year`: pro rata to the day for joiners and leavers, and by hours if set."""
    first = max(employee.hire_date, date(year, 1, 1))
    last_day = employee.termination_date or date.max
    last = min(last_day, year_end(year))
    if last < first:
        return ZERO
    seniority = years_of_service(employee, date(year, 1, 1))
    extra = max(
        (Decimal(str(days)) for years, days in policy.seniority_steps if seniority >= years),
        default=Decimal("0"),
    )
    days = policy.days_per_year + extra
    year_length = (year_end(year) - date(year, 1, 1)).days + 1
    employed = (last - first).days + 1
    days = days * employed / year_length
    if policy.pro_rata_part_time:
        days = days * employee.weekly_hours / FULL_TIME_HOURS
    return round_days(days)


def _accrual_rows(employees, year: int, policies: dict, by) -> list[LeaveLedgerEntry]:
    rows = []
    for employee in employees:
        for (type_id, _contract), policy in policies.items():
            if policy_for(policies, type_id, employee.contract_type) is not policy:
                continue
            if not policy.leave_type.has_balance:
                continue
            days = entitlement(employee, policy, year)
            if days:
                rows.append(
                    LeaveLedgerEntry(
                        employee=employee,
                        leave_type_id=type_id,
                        kind=Kind.ACCRUAL,
                        year=year,
                        days=days,
                        usable_until=year_end(year),
                        reason=f"Entitlement {year}: {policy.days_per_year} days a year "
                        f"({policy.policy_set.name}), pro rata to {days}",
                        created_by=by,
                    )
                )
    return rows


@transaction.atomic
def leave_accrue_year(*, year: int, by=None, employees=None) -> int:
    """Write each person's entitlement for `year` once (a second run adds nothing)."""
    policies = policies_in_force(date(year, 1, 1))
    if employees is None:
        employees = Employee.objects.filter(
            Q(termination_date__isnull=True) | Q(termination_date__gte=date(year, 1, 1)),
            hire_date__lte=year_end(year),
        ).exclude(status=Employee.Status.TERMINATED, termination_date__isnull=True)
    rows = _accrual_rows(employees, year, policies, by)
    accruals = LeaveLedgerEntry.objects.filter(kind=Kind.ACCRUAL, year=year)
    before = accruals.count()
    # ignore_conflicts returns every row given, so count what the index let in.
    LeaveLedgerEntry.objects.bulk_create(rows, ignore_conflicts=True)
    return accruals.count() - before


@transaction.atomic
def leave_entitlement_recompute(*, employee: Employee, year: int, by=None, why: str) -> Decimal:
    """Correct `year`'s entitlement after the person's dates change (a leaver, pro rata)."""
    policies = policies_in_force(date(year, 1, 1))
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    difference = ZERO
    for (type_id, _contract), policy in policies.items():
        if policy_for(policies, type_id, employee.contract_type) is not policy:
            continue
        if not policy.leave_type.has_balance:
            continue
        recorded = LeaveLedgerEntry.objects.filter(
            employee=employee,
            leave_type_id=type_id,
            year=year,
            usable_until=year_end(year),
            kind__in=[Kind.ACCRUAL, Kind.CORRECTION],
            request__isnull=True,
        ).aggregate(days=Coalesce(Sum("days"), ZERO))["days"]
        owed = entitlement(employee, policy, year)
        if owed != recorded:
            LeaveLedgerEntry.objects.create(
                employee=employee,
                leave_type_id=type_id,
                kind=Kind.CORRECTION,
                year=year,
                days=owed - recorded,
                usable_until=year_end(year),
                reason=f"{why}: entitlement {year} recounted from {recorded} to {owed}",
                created_by=by,
            )
            difference += owed - recorded
    return difference


@transaction.atomic
def leave_adjust(*, by, employee: Employee, leave_type: LeaveType, days: Decimal, reason: str):
    """HR adds or removes days (overtime time off, an opening balance), with a reason."""
    if not leave_type.has_balance:
        raise LeaveError(_("%(type)s is not taken from a balance.") % {"type": leave_type})
    if not days:
        raise LeaveError(_("Give a number of days other than zero."))
    if not reason.strip():
        raise LeaveError(_("Say why the balance changes."))
    today = timezone.localdate()
    return LeaveLedgerEntry.objects.create(
        employee=employee,
        leave_type=leave_type,
        kind=Kind.ADJUSTMENT,
        year=today.year,
        days=round_days(days),
        usable_until=year_end(today.year),
        reason=reason.strip()[:300],
        created_by=by,
    )


def next_day(day: date) -> date:
    return day + timedelta(days=1)
