"""Factories and helpers for leave tests."""

from datetime import date
from decimal import Decimal

from hr.models.leave import LeaveLedgerEntry, LeaveType
from hr.services.leave_setup import year_end


def leave_type(code="annual") -> LeaveType:
    return LeaveType.objects.get(code=code)


def grant(employee, days, *, year=2026, code="annual", until=None, kind="adjustment"):
    return LeaveLedgerEntry.objects.create(
        employee=employee,
        leave_type=leave_type(code),
        kind=kind,
        year=year,
        days=Decimal(days),
        usable_until=until or year_end(year),
        reason="test grant",
    )


D = date
