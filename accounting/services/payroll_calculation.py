"""The calculation of a payroll run, chunk by chunk.

The job (`accounting.payroll_run_calculate`, registered in accounting/jobs.py)
is a chunked job of the core: chunks of `PAYROLL_CHUNK_SIZE` employees, each
computed in the transaction that holds it, so a killed worker's chunk rolls
back and is taken by another. A chunk reads its inputs in a fixed number of
queries (`payroll_chunk_inputs`), calculates every payslip in Python with no
query (`payroll_chunk_calculate`), then replaces the chunk's payslips, lines
and exceptions (`payroll_chunk_store`): running it again gives one payslip per
employee (also a unique constraint in the database).
"""

import csv
import io
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Max, Min, Q, Sum
from django.utils.translation import gettext as _

from accounting.models.pay import PayItem, PayProfile, TimesheetDay
from accounting.models.payroll_runs import (
    FinalPay,
    PayrollException,
    PayrollRun,
    Payslip,
    PayslipLine,
)
from accounting.payroll.engine import (
    HOUR_KINDS,
    PayrollInputs,
    PayrollItem,
    PayrollRulesError,
    calculate,
)
from accounting.selectors.pay import pay_items_for_month, pay_profiles_on
from accounting.selectors.payroll_rules import payroll_rule_set_specs
from accounting.services.payroll_runs import run_employees
from backoffice.calendar import working_dates
from backoffice.jobs import job_chunks_count
from hr.models.employees import Employee

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
PAYSLIP_TOTALS = ("gross", "deductions", "net", "employer_contributions", "employer_cost")


# The job's steps (called by accounting/jobs.py) ----------------------------------


def payroll_run_is_calculating(*, run: PayrollRun, job) -> bool:
    """Is `job` still the calculation of `run` (not superseded, not ended)?"""
    return run.job_id == job.pk and run.status == PayrollRun.Status.CALCULATING


def payroll_run_calculation_prepare(*, run: PayrollRun) -> list[int]:
    """The employees to calculate; those no longer in the period lose their
    old payslips and exceptions."""
    ids = list(_run_employee_ids(run))
    Payslip.objects.filter(run=run).exclude(employee_id__in=ids).delete()
    PayrollException.objects.filter(run=run).exclude(employee_id__in=ids).delete()
    return ids


def payroll_run_calculation_chunk(*, run: PayrollRun, employee_ids: list[int]) -> None:
    rules, parameters = payroll_rule_set_specs(run.rule_set)
    days = working_dates(run.period_start, run.period_end)
    payroll_run_calculate_chunk(
        run=run, employee_ids=employee_ids, rules=rules, parameters=parameters, days=days
    )


def payroll_run_calculation_result(*, run: PayrollRun, job) -> dict:
    if run.job_id != job.pk or run.status != PayrollRun.Status.CALCULATED:
        return {"skipped": True}
    chunks, employees = job_chunks_count(job)
    return {"employees": employees, "payslips": run.payslips.count(), "chunks": chunks}


def _run_employee_ids(run: PayrollRun):
    if run.kind == PayrollRun.Kind.OFF_CYCLE:
        return run.employees.order_by("pk").values_list("pk", flat=True)
    return run_employees(run).values_list("pk", flat=True)


# One chunk: load, calculate, store ------------------------------------------------


class Line(NamedTuple):
    """A payslip line before it is stored (cheaper than a model instance)."""

    code: str
    name: str
    category: str
    base: Decimal | None
    amount: Decimal
    order: int


@dataclass(frozen=True)
class ChunkInputs:
    employees: list
    profiles: dict  # employee id -> PayProfile in force at the period's end
    items: dict  # employee id -> [PayItem]
    hours: dict  # employee id -> {hour kind: approved hours}
    finals: set  # employee ids with a final pay in the period
    paid: dict | None  # off-cycle: what the corrected runs paid (`_already_paid`)
    decisions: dict  # (employee id, reason) -> the exception decided before


@dataclass
class ChunkPayslips:
    payslips: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # [Line] per payslip, in the same order
    exceptions: list = field(default_factory=list)


@transaction.atomic
def payroll_run_calculate_chunk(*, run, employee_ids, rules, parameters, days) -> None:
    """Calculate and replace the payslips of one chunk, in a fixed number of queries."""
    inputs = payroll_chunk_inputs(run=run, employee_ids=employee_ids)
    calculated = payroll_chunk_calculate(
        # One rules object for every payslip: the engine orders it once.
        run=run,
        inputs=inputs,
        rules=tuple(rules),
        parameters=parameters,
        days=days,
    )
    payroll_chunk_store(run=run, employee_ids=employee_ids, inputs=inputs, calculated=calculated)


def payroll_chunk_inputs(*, run: PayrollRun, employee_ids) -> ChunkInputs:
    """Everything the chunk's payslips depend on, in a fixed number of queries."""
    employees = Employee.objects.filter(pk__any_of=employee_ids)
    profiles = PayProfile.objects.filter(
        pk__in=pay_profiles_on(run.period_end, employee_ids).values("pk")
    )
    items = defaultdict(list)
    for item in pay_items_for_month(run.period_start, employee_ids).select_related(None):
        items[item.employee_id].append(item)
    hours = (
        TimesheetDay.objects.filter(
            timesheet__employee_id__any_of=employee_ids,
            timesheet__period_start=run.period_start,
            timesheet__status="approved",
        )
        .values("timesheet__employee_id")
        .annotate(**{kind: Sum(kind) for kind in HOUR_KINDS})
    )
    finals = FinalPay.objects.filter(
        employee_id__any_of=employee_ids, last_day__range=(run.period_start, run.period_end)
    )
    decided = PayrollException.objects.filter(run=run, employee_id__any_of=employee_ids)
    return ChunkInputs(
        employees=list(employees.select_related("department").order_by("pk")),
        profiles={p.employee_id: p for p in profiles},
        items=items,
        hours={row["timesheet__employee_id"]: row for row in hours},
        finals=set(finals.values_list("employee_id", flat=True)),
        paid=(_already_paid(run, employee_ids) if run.kind == PayrollRun.Kind.OFF_CYCLE else None),
        decisions={(e.employee_id, e.reason): e for e in decided},
    )


def payroll_chunk_calculate(
    *, run: PayrollRun, inputs: ChunkInputs, rules, parameters, days: list[date]
) -> ChunkPayslips:
    """Every payslip (with its lines) and exception of the chunk; no query."""
    calculated = ChunkPayslips()
    for employee in inputs.employees:
        result, problem = _employee_calculate(run, employee, inputs, rules, parameters, days)
        if problem:
            calculated.exceptions.append(_exception(run, employee, problem, inputs.decisions))
            continue
        rows = [
            Line(line.code, str(line.name)[:200], line.category, line.base, line.amount, n)
            for n, line in enumerate(result.lines)
        ]
        totals = {
            "gross": result.gross,
            "deductions": result.employee_deductions,
            "net": result.net,
            "employer_contributions": result.employer_contributions,
            "employer_cost": result.employer_cost,
        }
        if inputs.paid is not None:
            rows, totals = _difference(rows, totals, inputs.paid.get(employee.pk))
        calculated.payslips.append(
            Payslip(
                run=run,
                employee=employee,
                department_id=employee.department_id,
                is_final=employee.pk in inputs.finals or _leaves_in(employee, run),
                **totals,
            )
        )
        calculated.lines.append(rows)
    return calculated


def _employee_calculate(run, employee, inputs: ChunkInputs, rules, parameters, days):
    """(the engine's result, None) for one employee, or (None, the problem that stops it)."""
    profile = inputs.profiles.get(employee.pk)
    if profile is None:
        return None, (PayrollException.Reason.NO_PAY_PROFILE, _("No pay profile in force."))
    if profile.pay_type == PayProfile.PayType.HOURLY and employee.pk not in inputs.hours:
        return None, (
            PayrollException.Reason.UNAPPROVED_TIMESHEET,
            _("Paid by the hour but has no approved timesheet for the month."),
        )
    try:
        result = calculate(
            rules, parameters, _engine_inputs(run, employee, profile, inputs, days), run.period_end
        )
    except PayrollRulesError as exc:
        return None, (PayrollException.Reason.RULES_ERROR, str(exc))
    if result.net < 0 and run.kind == PayrollRun.Kind.REGULAR:
        return None, (
            PayrollException.Reason.NEGATIVE_NET,
            _("Deductions exceed earnings: the net pay would be %(net)s.") % {"net": result.net},
        )
    return result, None


def _engine_inputs(run, employee, profile, inputs: ChunkInputs, days) -> PayrollInputs:
    own = inputs.items[employee.pk]
    hours = inputs.hours.get(employee.pk)
    return PayrollInputs(
        base_salary=(
            _prorated(profile.monthly_salary, employee, run, days)
            if profile.pay_type == PayProfile.PayType.MONTHLY
            else ZERO
        ),
        hourly_rate=profile.hourly_rate or ZERO,
        hours={kind: hours[kind] or ZERO for kind in HOUR_KINDS} if hours is not None else {},
        dependants=profile.dependants,
        income_tax_exempt=profile.tax_exempt,
        young_employee=profile.young_employee_deduction,
        extra_earnings=_items(own, PayItem.Kind.EARNING),
        extra_deductions=_items(own, PayItem.Kind.DEDUCTION),
    )


def _exception(run, employee, problem, decisions: dict) -> PayrollException:
    """An exception of this calculation; a decision taken on it before is kept."""
    reason, message = problem
    exception = PayrollException(run=run, employee=employee, reason=reason, message=message)
    old = decisions.get((employee.pk, reason))
    if old is not None:
        exception.resolved, exception.excluded = old.resolved, old.excluded
        exception.decided_by_id = old.decided_by_id
    return exception


def payroll_chunk_store(
    *, run: PayrollRun, employee_ids, inputs: ChunkInputs, calculated: ChunkPayslips
) -> None:
    """Replace the chunk's payslips, lines and exceptions with the calculated ones."""
    payslips = calculated.payslips
    _payslips_delete(run, employee_ids)
    PayrollException.objects.filter(run=run, employee_id__any_of=employee_ids).delete()
    Payslip.objects.bulk_create(payslips)
    _lines_insert(
        [
            (payslip.pk, *row)
            for payslip, rows in zip(payslips, calculated.lines, strict=True)
            for row in rows
        ]
    )
    PayrollException.objects.bulk_create(calculated.exceptions)
    if inputs.finals:
        # The leaver's final pay is the first payslip that pays it.
        by_employee = {p.employee_id: p for p in payslips if p.is_final}
        waiting = list(
            FinalPay.objects.filter(
                employee_id__in=by_employee,
                last_day__range=(run.period_start, run.period_end),
                payslip__isnull=True,
            )
        )
        for final in waiting:
            final.payslip = by_employee[final.employee_id]
        FinalPay.objects.bulk_update(waiting, ["payslip"])


# Helpers of the calculation -----------------------------------------------------------


def _prorated(salary: Decimal, employee, run, days: list[date]) -> Decimal:
    start = max(employee.hire_date, run.period_start)
    end = min(employee.termination_date or run.period_end, run.period_end)
    worked = sum(1 for day in days if start <= day <= end)
    if worked == len(days):
        return salary
    if not days:
        return ZERO
    return (salary * worked / len(days)).quantize(CENT)


def _leaves_in(employee, run: PayrollRun) -> bool:
    end = employee.termination_date
    return end is not None and run.period_start <= end <= run.period_end


def _items(items, kind) -> tuple[PayrollItem, ...]:
    """The month's items of one kind, summed per code (the engine wants one line a code)."""
    amounts = defaultdict(lambda: ZERO)
    for item in items:
        if item.kind == kind:
            amounts[item.code] += item.amount
    return tuple(PayrollItem(code, amount, code) for code, amount in sorted(amounts.items()))


def _already_paid(run: PayrollRun, employee_ids) -> dict:
    """What the corrected run and its earlier final corrections paid each employee:
    {employee: {"totals": {...}, "lines": {code: (amount, name, category, order)}}},
    in two queries."""
    runs = PayrollRun.objects.filter(
        Q(pk=run.corrects_id) | Q(corrects_id=run.corrects_id, status__in=PayrollRun.FINAL)
    ).exclude(pk=run.pk)
    paid = defaultdict(lambda: {"totals": dict.fromkeys(PAYSLIP_TOTALS, ZERO), "lines": {}})
    for row in (
        Payslip.objects.filter(run__in=runs, employee_id__any_of=employee_ids)
        .values("employee_id")
        .annotate(**{f"sum_{name}": Sum(name) for name in PAYSLIP_TOTALS})
    ):
        paid[row["employee_id"]]["totals"] = {name: row[f"sum_{name}"] for name in PAYSLIP_TOTALS}
    for row in (
        PayslipLine.objects.filter(payslip__run__in=runs, payslip__employee_id__any_of=employee_ids)
        .values("payslip__employee_id", "code", "category")
        .annotate(total=Sum("amount"), order=Min("order"), name=Max("name"))
    ):
        paid[row["payslip__employee_id"]]["lines"][row["code"]] = (
            row["total"],
            row["name"],
            row["category"],
            row["order"],
        )
    return paid


def _difference(rows: list[Line], totals: dict, paid: dict | None):
    """An off-cycle payslip: the month calculated again, less what was paid,
    line by line. Net is still gross less deductions, difference by difference."""
    if paid is None:
        return rows, totals
    before = dict(paid["lines"])
    changed = []
    for row in rows:
        amount, *_rest = before.pop(row.code, (ZERO,))
        if row.amount - amount:
            changed.append(row._replace(amount=row.amount - amount))
    for code, (amount, name, category, order) in sorted(before.items()):
        if amount:
            changed.append(Line(code, name, category, None, -amount, order))
    changed.sort(key=lambda row: row.order)
    return changed, {name: totals[name] - paid["totals"][name] for name in PAYSLIP_TOTALS}


LINE_COLUMNS = ("payslip", "code", "name", "category", "base", "amount", "order")
NULL = "\\N"


def _payslips_delete(run: PayrollRun, employee_ids) -> None:
    """Delete a chunk's payslips in three statements (no cascade collection)."""
    payslips = Payslip.objects.filter(run=run, employee_id__any_of=employee_ids)
    PayslipLine.objects.filter(payslip__in=payslips).delete()
    FinalPay.objects.filter(payslip__in=payslips).update(payslip=None)
    payslips._raw_delete(payslips.db)


def _lines_insert(rows: list[tuple]) -> None:
    """Insert payslip lines (payslip id first, then the `Line` fields) in one
    statement: on PostgreSQL a COPY, several times faster than an INSERT and
    without the model instance an ORM bulk_create builds for every line."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        PayslipLine.objects.bulk_create(
            PayslipLine(**dict(zip(["payslip_id", *LINE_COLUMNS[1:]], row, strict=True)))
            for row in rows
        )
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([NULL if value is None else value for value in row])
    buffer.seek(0)
    fields = [PayslipLine._meta.get_field(name) for name in LINE_COLUMNS]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(PayslipLine._meta.db_table)
    sql = f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '{NULL}')"
    with connection.cursor() as cursor:
        # Logged like any query when queries are (debug, tests, the bench).
        log = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext()
        with log:
            cursor.cursor.copy_expert(sql, buffer)
