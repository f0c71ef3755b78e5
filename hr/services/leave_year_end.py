"""The year end of leave (carry-over, expiry, next year's accrual) and the daily leave events.

Both are safe to run twice: the year end writes at most one carry-over or
expiry row per bucket (a unique index, and a bucket carried over sums to
zero), and each leave event is claimed by a conditional UPDATE first.
"""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from backoffice import events
from hr.models.leave import LeaveLedgerEntry, LeaveRequest
from hr.services.leave_setup import (
    add_months,
    leave_accrue_year,
    policies_in_force,
    policy_for,
    year_end,
)

Kind = LeaveLedgerEntry.Kind
ENDED_LOOKBACK_DAYS = 7


def _unused(year: int):
    """(employee, type, contract, days left) of `year`'s own bucket, where days are left."""
    return (
        LeaveLedgerEntry.objects.filter(year=year, usable_until=year_end(year))
        .values("employee_id", "leave_type_id", "employee__contract_type")
        .annotate(left=Sum("days"))
        .filter(left__gt=0)
        .values_list("employee_id", "leave_type_id", "employee__contract_type", "left")
    )


@transaction.atomic
def leave_year_end(*, year: int, by=None) -> dict:
    """Carry over (or expire) what is left of `year`, then accrue `year + 1`."""
    policies = policies_in_force(year_end(year))
    rows, carried, expired = [], 0, 0
    for employee_id, type_id, contract, left in _unused(year):
        policy = policy_for(policies, type_id, contract)
        months = policy.carry_over_months if policy else 0
        common = {
            "employee_id": employee_id,
            "leave_type_id": type_id,
            "year": year,
            "created_by": by,
        }
        if months:
            until = add_months(year_end(year), months)
            rows += [
                LeaveLedgerEntry(
                    **common,
                    kind=Kind.CARRY_OVER,
                    days=-left,
                    usable_until=year_end(year),
                    reason=f"Unused {year} days carried over until {until.isoformat()}",
                ),
                LeaveLedgerEntry(
                    **common,
                    kind=Kind.CARRY_OVER,
                    days=left,
                    usable_until=until,
                    reason=f"Carried over from {year}, to take by {until.isoformat()}",
                ),
            ]
            carried += 1
        else:
            rows.append(
                LeaveLedgerEntry(
                    **common,
                    kind=Kind.EXPIRY,
                    days=-left,
                    usable_until=year_end(year),
                    reason=f"Unused {year} days expire at the year end",
                )
            )
            expired += 1
    LeaveLedgerEntry.objects.bulk_create(rows, ignore_conflicts=True)
    accrued = leave_accrue_year(year=year + 1, by=by)
    return {"carried": carried, "expired": expired, "accrued": accrued}


@transaction.atomic
def leave_carried_expire(*, today: date | None = None, by=None) -> int:
    """Expire what is left of carried-over days whose deadline has passed (only that part)."""
    today = today or timezone.localdate()
    buckets = (
        LeaveLedgerEntry.objects.filter(usable_until__lt=today)
        .values("employee_id", "leave_type_id", "year", "usable_until")
        .annotate(left=Sum("days"))
        .filter(left__gt=0)
    )
    rows = [
        LeaveLedgerEntry(
            employee_id=b["employee_id"],
            leave_type_id=b["leave_type_id"],
            year=b["year"],
            usable_until=b["usable_until"],
            kind=Kind.EXPIRY,
            days=-b["left"],
            created_by=by,
            reason=f"Carried-over {b['year']} days not taken by {b['usable_until']} expire",
        )
        for b in buckets
        if b["usable_until"] != year_end(b["year"])  # a year's own bucket is the year end's
    ]
    expiries = LeaveLedgerEntry.objects.filter(kind=Kind.EXPIRY)
    before = expiries.count()
    LeaveLedgerEntry.objects.bulk_create(rows, ignore_conflicts=True)
    return expiries.count() - before


def _claim(queryset, field: str) -> list[int]:
    now = timezone.now()
    ids = list(queryset.filter(**{f"{field}__isnull": True}).values_list("pk", flat=True))
    # The conditional UPDATE is the claim: a second run or worker finds the field set.
    return [
        pk
        for pk in ids
        if LeaveRequest.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: now})
    ]


@transaction.atomic
def leave_events_send(*, today: date | None = None) -> dict:
    """Send leave_started for approved leave under way today and leave_ended for leave over."""
    today = today or timezone.localdate()
    approved = LeaveRequest.objects.filter(status=LeaveRequest.Status.APPROVED)
    started = _claim(approved.filter(start_date__lte=today, end_date__gte=today), "started_sent_at")
    ended = _claim(
        approved.filter(
            end_date__lt=today, end_date__gte=today - timedelta(days=ENDED_LOOKBACK_DAYS)
        ),
        "ended_sent_at",
    )
    requests = LeaveRequest.objects.select_related("employee", "leave_type").in_bulk(
        started + ended
    )
    for signal, ids in ((events.leave_started, started), (events.leave_ended, ended)):
        for pk in ids:
            request = requests[pk]
            signal.send(
                sender=LeaveRequest,
                employee=request.employee,
                leave_type=request.leave_type.name,
                start_date=request.start_date,
                end_date=request.end_date,
            )
    return {"started": len(started), "ended": len(ended)}
