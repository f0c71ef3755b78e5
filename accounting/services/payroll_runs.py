"""Writes of payroll runs: create, calculate (a job), resolve exceptions,
approve (a second person) and post (one journal entry).

The calculation job splits the run's employees into `PayrollRunChunk` rows
of `PAYROLL_CHUNK_SIZE` and hands each to a Celery task; the job's own worker
computes chunks alongside the others and finishes the run once none is left.
Each chunk reads its inputs in a fixed number of queries (profiles, items,
approved timesheet hours, final pays, the corrected payslips), applies the
engine per employee in Python, then deletes and bulk-creates the chunk's
payslips, lines and exceptions in the transaction that holds the chunk's row
lock. A killed worker's chunk rolls back and is taken by another; running a
chunk again replaces it, so every ending has exactly one payslip per employee
(also a unique constraint in the database).
"""

import csv
import io
import time
from collections import defaultdict
from contextlib import nullcontext
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Min, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounting.chart import account_for
from accounting.models.ledger import JournalEntry
from accounting.models.pay import PayItem, PayProfile, TimesheetDay
from accounting.models.payroll_rules import PayrollRuleSet
from accounting.models.payroll_runs import (
    FinalPay,
    PayrollException,
    PayrollRun,
    PayrollRunChunk,
    Payslip,
    PayslipLine,
)
from accounting.payroll.engine import (
    EMPLOYEE_DEDUCTION,
    EMPLOYER_CONTRIBUTION,
    HOUR_KINDS,
    TAX,
    PayrollInputs,
    PayrollItem,
    PayrollRulesError,
    calculate,
)
from accounting.selectors.pay import (
    calendar_month_end,
    calendar_month_start,
    pay_items_for_month,
    pay_profiles_on,
    working_dates,
)
from accounting.selectors.payroll_rules import payroll_rule_set_specs
from accounting.services.ledger import journal_entries_post_many
from backoffice.errors import DomainError, clean_or_raise
from backoffice.jobs import JobProgress, job_handler
from backoffice.services import job_start
from backoffice.workflow import require_status, transition
from hr.models.employees import Employee

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
JOB_KIND = "accounting.payroll_run_calculate"

# Where each employee-side line is owed, by rule code; other deductions are
# withheld for third parties (garnishments).
LIABILITY_ROLES = {
    "CAS": "pension_payable",
    "CASS": "health_payable",
    "INCOME_TAX": "income_tax_payable",
    "FLAT_TAX": "income_tax_payable",
    "CAM": "work_insurance_payable",
}


class PayrollRunError(DomainError):
    pass


# A run is calculated (again) until it is approved; one calculation at a time.
CALCULABLE = (PayrollRun.Status.DRAFT, PayrollRun.Status.CALCULATED)


def _locked(run: PayrollRun) -> PayrollRun:
    return PayrollRun.objects.select_for_update().get(pk=run.pk)


def _refuse_final(run: PayrollRun) -> None:
    if run.is_final:
        raise PayrollRunError(_("This payroll run is approved; nothing in it can change."))


@transaction.atomic
def payroll_run_create(*, by, month: date, pay_date: date, rule_set: PayrollRuleSet) -> PayrollRun:
    first = calendar_month_start(month)
    if pay_date < first:
        raise PayrollRunError(_("The pay date cannot be before the month it pays."))
    if PayrollRun.objects.filter(kind=PayrollRun.Kind.REGULAR, period_start=first).exists():
        raise PayrollRunError(
            _("%(month)s has a regular payroll run already; correct it with an off-cycle run.")
            % {"month": f"{first:%Y-%m}"}
        )
    run = PayrollRun(
        period_start=first,
        period_end=calendar_month_end(first),
        pay_date=pay_date,
        rule_set=rule_set,
        created_by=by,
    )
    clean_or_raise(run, error=PayrollRunError)
    run._history_user = by
    run.save()
    return run


@transaction.atomic
def payroll_run_correction_create(
    *, by, run: PayrollRun, employees, pay_date: date, reason: str
) -> PayrollRun:
    """An off-cycle run correcting an approved one for some employees: their
    month calculated again on today's data, less what was already paid."""
    run = _locked(run)
    if run.kind != PayrollRun.Kind.REGULAR or not run.is_final:
        raise PayrollRunError(_("Only an approved regular payroll run can be corrected."))
    employees = list(employees)
    if not employees:
        raise PayrollRunError(_("Choose at least one employee to correct."))
    if not reason.strip():
        raise PayrollRunError(_("Say why the run is corrected."))
    if pay_date < run.period_start:
        raise PayrollRunError(_("The pay date cannot be before the month it pays."))
    correction = PayrollRun(
        kind=PayrollRun.Kind.OFF_CYCLE,
        corrects=run,
        period_start=run.period_start,
        period_end=run.period_end,
        pay_date=pay_date,
        rule_set=run.rule_set,
        reason=reason.strip(),
        created_by=by,
    )
    clean_or_raise(correction, error=PayrollRunError)
    correction._history_user = by
    correction.save()
    correction.employees.set(employees)
    return correction


def final_pay_record(*, employee, last_day: date, kind: str = "", reason: str = "") -> FinalPay:
    """Note a leaver's final pay, once per last day (the dismissal event may repeat)."""
    final, _created = FinalPay.objects.get_or_create(
        employee=employee,
        last_day=last_day,
        defaults={"kind": str(kind)[:30], "reason": str(reason)},
    )
    return final


@transaction.atomic
def payroll_run_calculate(*, by, run: PayrollRun):
    """Mark the run as calculating and start the job; refused while it is already
    calculating (two clicks at once start one job) or once approved."""
    run = _locked(run)
    _refuse_final(run)
    already = _("This payroll run is already being calculated.")
    require_status(run, CALCULABLE, error=PayrollRunError, message=already)
    job = job_start(kind=JOB_KIND, requested_by=by, params={"run": run.pk})
    transition(
        run,
        to=PayrollRun.Status.CALCULATING,
        allowed_from=CALCULABLE,
        by=by,
        error=PayrollRunError,
        message=already,
        changes={"job": job, "calculated_by": by, "calculated_at": None},
    )
    return job


def run_employees(run: PayrollRun):
    """Everyone employed at some point of the run's period."""
    return (
        Employee.objects.filter(hire_date__lte=run.period_end)
        .filter(Q(termination_date__isnull=True) | Q(termination_date__gte=run.period_start))
        .order_by("pk")
    )


@job_handler(
    JOB_KIND,
    label=gettext_lazy("Payroll calculation"),
    permission="accounting.calculate_payrollrun",
)
def payroll_run_calculate_job(*, job, progress):
    """Split the run into chunks, hand them to the workers, compute alongside them
    and, once every chunk is done, store the run's totals.

    Run again from the start (a restarted worker claims the job anew), it keeps
    the chunks already done and finishes the others.
    """
    run = PayrollRun.objects.select_related("rule_set").get(pk=job.params["run"])
    if run.job_id != job.pk:
        return {"skipped": True}
    if run.status != PayrollRun.Status.CALCULATING:
        # The worker of the last chunk finished the run while this one was gone.
        return (
            _result(run, job) if run.status == PayrollRun.Status.CALCULATED else {"skipped": True}
        )
    ids = list(_run_employee_ids(run))
    progress.start(len(ids))
    size = settings.PAYROLL_CHUNK_SIZE
    with transaction.atomic():
        # Employees no longer in the period lose their old payslips, and the
        # chunks of earlier calculations go.
        Payslip.objects.filter(run=run).exclude(employee_id__in=ids).delete()
        PayrollException.objects.filter(run=run).exclude(employee_id__in=ids).delete()
        PayrollRunChunk.objects.filter(run=run).exclude(job=job).delete()
        PayrollRunChunk.objects.bulk_create(
            [
                PayrollRunChunk(run=run, job=job, index=n, employee_ids=ids[start : start + size])
                for n, start in enumerate(range(0, len(ids), size))
            ],
            ignore_conflicts=True,
        )
    chunks = PayrollRunChunk.objects.filter(job=job)
    done = sum(len(c.employee_ids) for c in chunks.filter(done=True).only("employee_ids"))
    if done:
        progress.advance(done)
    from accounting.tasks import payroll_run_chunk_task

    for chunk_id in chunks.filter(done=False).values_list("pk", flat=True):
        payroll_run_chunk_task.delay(chunk_id)
    try:
        # This worker computes chunks too, and takes over those of a worker
        # that died (its lock goes with its connection), until none is left.
        while chunks.filter(done=False).exists():
            if not payroll_run_chunk_work(job=job):
                if not _still_calculating(run, job):
                    return {"skipped": True}
                progress.beat()
                time.sleep(0.05)
    except Exception:
        _calculation_failed(run, job)
        raise
    _finish(run, job)
    return _result(run, job)


def _calculating(run: PayrollRun, job) -> PayrollRun | None:
    """The run, locked, while it is still being calculated by `job`; else None."""
    run = _locked(run)
    if run.job_id != job.pk or run.status != PayrollRun.Status.CALCULATING:
        return None
    return run


@transaction.atomic
def _finish(run: PayrollRun, job) -> None:
    """Every chunk is done: store the totals and mark the run calculated (once,
    whoever gets here first: the job's worker or the one of the last chunk).

    The second to arrive finds the run no longer calculating for this job and
    leaves: by design, not a swallowed error.
    """
    run = _calculating(run, job)
    if run is None:
        return
    transition(
        run,
        to=PayrollRun.Status.CALCULATED,
        allowed_from=[PayrollRun.Status.CALCULATING],
        by=run.calculated_by,
        error=PayrollRunError,
        changes={"calculated_at": timezone.now(), **payroll_run_totals(run)},
    )


@transaction.atomic
def _calculation_failed(run: PayrollRun, job) -> None:
    """A failed calculation leaves the run to be calculated again (unless a newer
    calculation has taken it over)."""
    run = _calculating(run, job)
    if run is None:
        return
    transition(
        run,
        to=PayrollRun.Status.DRAFT,
        allowed_from=[PayrollRun.Status.CALCULATING],
        by=run.calculated_by,
        error=PayrollRunError,
        reason="calculation failed",
    )


def _result(run: PayrollRun, job) -> dict:
    return {
        "employees": sum(
            len(ids)
            for ids in PayrollRunChunk.objects.filter(job=job).values_list(
                "employee_ids", flat=True
            )
        ),
        "payslips": run.payslips.count(),
        "chunks": PayrollRunChunk.objects.filter(job=job).count(),
    }


def _still_calculating(run: PayrollRun, job) -> bool:
    return PayrollRun.objects.filter(
        pk=run.pk, job=job, status=PayrollRun.Status.CALCULATING
    ).exists()


def _run_employee_ids(run: PayrollRun):
    if run.kind == PayrollRun.Kind.OFF_CYCLE:
        return run.employees.order_by("pk").values_list("pk", flat=True)
    return run_employees(run).values_list("pk", flat=True)


def payroll_run_chunk_work(*, job, chunk_id: int | None = None) -> bool:
    """Claim one undone chunk of the job (that one, or any) and compute it.

    The chunk's row stays locked (`FOR UPDATE SKIP LOCKED`) for the whole
    transaction, so two workers never compute the same chunk, and a worker
    killed in the middle leaves nothing of it behind. False when there was
    nothing to claim.
    """
    with transaction.atomic():
        chunks = PayrollRunChunk.objects.select_for_update(skip_locked=True).filter(
            job=job, done=False
        )
        if chunk_id is not None:
            chunks = chunks.filter(pk=chunk_id)
        chunk = chunks.order_by("index").first()
        if chunk is None:
            return False
        run = PayrollRun.objects.select_related("rule_set").get(pk=chunk.run_id)
        if run.status != PayrollRun.Status.CALCULATING or run.job_id != chunk.job_id:
            return False
        if connection.vendor == "postgresql":
            # A chunk lost in a server crash is lost with its `done` flag (same
            # transaction) and simply computed again: no need to wait for the disk.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        rules, parameters = payroll_rule_set_specs(run.rule_set)
        days = working_dates(run.period_start, run.period_end)
        payroll_run_calculate_chunk(
            run=run, employee_ids=chunk.employee_ids, rules=rules, parameters=parameters, days=days
        )
        PayrollRunChunk.objects.filter(pk=chunk.pk).update(done=True, finished_at=timezone.now())
    JobProgress(job).advance(len(chunk.employee_ids))
    if not PayrollRunChunk.objects.filter(job=job, done=False).exists():
        _finish(run, job)
    return True


def payroll_run_chunk_run(*, chunk_id: int) -> bool:
    """A worker's share of a calculation: the chunk it was handed, if still undone."""
    chunk = PayrollRunChunk.objects.select_related("job").filter(pk=chunk_id).first()
    if chunk is None or chunk.done:
        return False
    return payroll_run_chunk_work(job=chunk.job, chunk_id=chunk.pk)


def payroll_run_totals(run: PayrollRun) -> dict:
    sums = run.payslips.aggregate(
        gross=Sum("gross"),
        deductions=Sum("deductions"),
        net=Sum("net"),
        employer_cost=Sum("employer_cost"),
    )
    return {key: value or ZERO for key, value in sums.items()}


def _prorated(salary: Decimal, employee, run, days: list[date]) -> Decimal:
    start = max(employee.hire_date, run.period_start)
    end = min(employee.termination_date or run.period_end, run.period_end)
    worked = sum(1 for day in days if start <= day <= end)
    if worked == len(days):
        return salary
    if not days:
        return ZERO
    return (salary * worked / len(days)).quantize(CENT)


@transaction.atomic
def payroll_run_calculate_chunk(*, run, employee_ids, rules, parameters, days) -> None:
    """Calculate and replace the payslips of one chunk, in a fixed number of queries."""
    rules = tuple(rules)  # one object for every payslip: the engine orders it once
    employees = list(
        Employee.objects.filter(pk__any_of=employee_ids).select_related("department").order_by("pk")
    )
    profiles = {
        p.employee_id: p
        for p in PayProfile.objects.filter(
            pk__in=pay_profiles_on(run.period_end, employee_ids).values("pk")
        )
    }
    items = defaultdict(list)
    for item in pay_items_for_month(run.period_start, employee_ids).select_related(None):
        items[item.employee_id].append(item)
    hours = {
        row["timesheet__employee_id"]: row
        for row in TimesheetDay.objects.filter(
            timesheet__employee_id__any_of=employee_ids,
            timesheet__period_start=run.period_start,
            timesheet__status="approved",
        )
        .values("timesheet__employee_id")
        .annotate(**{kind: Sum(kind) for kind in HOUR_KINDS})
    }
    finals = set(
        FinalPay.objects.filter(
            employee_id__any_of=employee_ids, last_day__range=(run.period_start, run.period_end)
        ).values_list("employee_id", flat=True)
    )
    paid = _already_paid(run, employee_ids) if run.kind == PayrollRun.Kind.OFF_CYCLE else None
    payslips, lines, exceptions = [], [], []
    for employee in employees:
        profile = profiles.get(employee.pk)
        problem = None
        if profile is None:
            problem = (PayrollException.Reason.NO_PAY_PROFILE, _("No pay profile in force."))
        elif profile.pay_type == PayProfile.PayType.HOURLY and employee.pk not in hours:
            problem = (
                PayrollException.Reason.UNAPPROVED_TIMESHEET,
                _("Paid by the hour but has no approved timesheet for the month."),
            )
        result = None
        if problem is None:
            own = items[employee.pk]
            inputs = PayrollInputs(
                base_salary=(
                    _prorated(profile.monthly_salary, employee, run, days)
                    if profile.pay_type == PayProfile.PayType.MONTHLY
                    else ZERO
                ),
                hourly_rate=profile.hourly_rate or ZERO,
                hours={kind: hours[employee.pk][kind] or ZERO for kind in HOUR_KINDS}
                if employee.pk in hours
                else {},
                dependants=profile.dependants,
                income_tax_exempt=profile.tax_exempt,
                young_employee=profile.young_employee_deduction,
                extra_earnings=_items(own, PayItem.Kind.EARNING),
                extra_deductions=_items(own, PayItem.Kind.DEDUCTION),
            )
            try:
                result = calculate(rules, parameters, inputs, run.period_end)
            except PayrollRulesError as exc:
                problem = (PayrollException.Reason.RULES_ERROR, str(exc))
            else:
                if result.net < 0 and run.kind == PayrollRun.Kind.REGULAR:
                    problem = (
                        PayrollException.Reason.NEGATIVE_NET,
                        _("Deductions exceed earnings: the net pay would be %(net)s.")
                        % {"net": result.net},
                    )
        if problem:
            exceptions.append(
                PayrollException(run=run, employee=employee, reason=problem[0], message=problem[1])
            )
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
        if paid is not None:
            rows, totals = _difference(rows, totals, paid.get(employee.pk))
        payslips.append(
            Payslip(
                run=run,
                employee=employee,
                department_id=employee.department_id,
                is_final=employee.pk in finals or _leaves_in(employee, run),
                **totals,
            )
        )
        lines.append(rows)
    # Decisions taken on exceptions that occur again are kept.
    kept = {
        (e.employee_id, e.reason): e
        for e in PayrollException.objects.filter(run=run, employee_id__any_of=employee_ids)
    }
    for exception in exceptions:
        old = kept.get((exception.employee_id, exception.reason))
        if old is not None:
            exception.resolved, exception.excluded = old.resolved, old.excluded
            exception.decided_by_id = old.decided_by_id
    _payslips_delete(run, employee_ids)
    PayrollException.objects.filter(run=run, employee_id__any_of=employee_ids).delete()
    Payslip.objects.bulk_create(payslips)
    _lines_insert(
        [(payslip.pk, *row) for payslip, rows in zip(payslips, lines, strict=True) for row in rows]
    )
    PayrollException.objects.bulk_create(exceptions)
    if finals:
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


def _leaves_in(employee, run: PayrollRun) -> bool:
    end = employee.termination_date
    return end is not None and run.period_start <= end <= run.period_end


PAYSLIP_TOTALS = ("gross", "deductions", "net", "employer_contributions", "employer_cost")


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


class Line(NamedTuple):
    """A payslip line before it is stored (cheaper than a model instance)."""

    code: str
    name: str
    category: str
    base: Decimal | None
    amount: Decimal
    order: int


LINE_COLUMNS = ("payslip", "code", "name", "category", "base", "amount", "order")


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


NULL = "\\N"


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


def _items(items, kind) -> tuple[PayrollItem, ...]:
    """The month's items of one kind, summed per code (the engine wants one line a code)."""
    amounts = defaultdict(lambda: ZERO)
    for item in items:
        if item.kind == kind:
            amounts[item.code] += item.amount
    return tuple(PayrollItem(code, amount, code) for code, amount in sorted(amounts.items()))


@transaction.atomic
def payroll_exception_decide(*, by, exception: PayrollException, excluded: bool):
    """Mark an exception resolved (the cause was fixed) or the employee excluded."""
    run = _locked(exception.run)
    _refuse_final(run)
    PayrollException.objects.filter(pk=exception.pk).update(
        resolved=not excluded, excluded=excluded, decided_by=by
    )


@transaction.atomic
def payroll_run_approve(*, by, run: PayrollRun) -> PayrollRun:
    run = _locked(run)
    if not by.has_perm("accounting.approve_payrollrun"):
        raise PayrollRunError(_("You may not approve payroll runs."))
    _refuse_final(run)
    only_calculated = _("Only a calculated payroll run can be approved.")
    require_status(
        run, [PayrollRun.Status.CALCULATED], error=PayrollRunError, message=only_calculated
    )
    if run.calculated_by_id == by.pk:
        raise PayrollRunError(
            _("The run must be approved by someone other than who calculated it.")
        )
    if run.exceptions.filter(resolved=False, excluded=False).exists():
        raise PayrollRunError(_("Resolve or exclude every exception before approving."))
    transition(
        run,
        to=PayrollRun.Status.APPROVED,
        allowed_from=[PayrollRun.Status.CALCULATED],
        by=by,
        stamp="approved",
        error=PayrollRunError,
        message=only_calculated,
    )
    from accounting.services.payslip_documents import payslip_documents_start

    run.documents_job = payslip_documents_start(by=by, run=run)
    return run


def _entry_line(account, amount: Decimal, *, debit: bool, **extra) -> dict:
    """A journal line on its side; a negative amount (an off-cycle run that takes
    back pay) goes on the other side."""
    side = "debit" if debit == (amount > 0) else "credit"
    return {"account": account, side: abs(amount), **extra}


def payroll_run_entry_lines(run: PayrollRun) -> list[dict]:
    """The journal lines of a run: salaries by department, employer contributions,
    employee contributions and taxes by payable, net to salaries payable."""
    from hr.models.employees import Department

    lines = []
    salaries = account_for("salaries_expense")
    by_department = list(
        run.payslips.values("department").annotate(total=Sum("gross")).order_by("department")
    )
    departments = Department.objects.in_bulk(
        [r["department"] for r in by_department if r["department"]]
    )
    for row in by_department:
        if row["total"]:
            lines.append(
                _entry_line(
                    salaries,
                    row["total"],
                    debit=True,
                    department=departments.get(row["department"]),
                    description=_("Gross salaries"),
                )
            )
    owed = defaultdict(lambda: ZERO)
    employer = ZERO
    for row in (
        PayslipLine.objects.filter(payslip__run=run)
        .filter(category__in=(EMPLOYEE_DEDUCTION, TAX, EMPLOYER_CONTRIBUTION))
        .values("code", "category")
        .annotate(total=Sum("amount"))
    ):
        role = LIABILITY_ROLES.get(row["code"], "garnishments_payable")
        owed[role] += row["total"]
        if row["category"] == EMPLOYER_CONTRIBUTION:
            employer += row["total"]
    if employer:
        lines.append(
            _entry_line(
                account_for("work_insurance_expense"),
                employer,
                debit=True,
                description=_("Employer contributions"),
            )
        )
    for role, amount in sorted(owed.items()):
        if amount:
            lines.append(_entry_line(account_for(role), amount, debit=False, description=role))
    net = run.payslips.aggregate(total=Sum("net"))["total"] or ZERO
    if net:
        lines.append(
            _entry_line(account_for("salaries_payable"), net, debit=False, description=_("Net pay"))
        )
    return lines


@transaction.atomic
def payroll_run_post(*, by, run: PayrollRun) -> JournalEntry | None:
    run = _locked(run)
    refused = {PayrollRun.Status.POSTED: _("This payroll run is already posted.")}
    only_approved = refused.get(run.status) or _("Only an approved payroll run can be posted.")
    require_status(run, [PayrollRun.Status.APPROVED], error=PayrollRunError, message=only_approved)
    lines = payroll_run_entry_lines(run)
    # Nobody is paid anything (a correction that changed nothing): posted, no entry.
    entry = _payroll_entry_post(by=by, run=run, lines=lines) if lines else None
    transition(
        run,
        to=PayrollRun.Status.POSTED,
        allowed_from=[PayrollRun.Status.APPROVED],
        by=by,
        error=PayrollRunError,
        message=only_approved,
        changes={"journal_entry": entry},
    )
    return entry


def _payroll_entry_post(*, by, run: PayrollRun, lines: list[dict]) -> JournalEntry:
    (entry,) = journal_entries_post_many(
        by=by,
        entries=[
            {
                "date": run.pay_date,
                "description": (
                    _("Payroll correction %(month)s")
                    if run.kind == PayrollRun.Kind.OFF_CYCLE
                    else _("Payroll %(month)s")
                )
                % {"month": f"{run.period_start:%Y-%m}"},
                "lines": lines,
                "source": JournalEntry.Source.PAYROLL_RUN,
                "source_key": f"payroll-run:{run.pk}",
            }
        ],
    )
    return entry
