"""Writes of payroll runs: create, calculate (a job), resolve exceptions,
approve (a second person) and post (one journal entry).

The calculation job splits the run's employees into chunks of
`CHUNK_SIZE` and, for this first slice, runs the chunks one after the other
in the same task. Each chunk reads its inputs in a fixed number of queries
(profiles, items, approved timesheet hours, the working days), applies the
engine per employee in Python, then deletes and bulk-creates the chunk's
payslips, lines and exceptions in one transaction. Running a chunk again
therefore replaces it: a re-run or a killed-and-restarted worker ends with
exactly one payslip per employee (also a unique constraint in the database).
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounting.chart import account_for
from accounting.models import (
    JournalEntry,
    PayItem,
    PayProfile,
    PayrollException,
    PayrollRuleSet,
    PayrollRun,
    Payslip,
    PayslipLine,
    TimesheetDay,
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
from backoffice.errors import DomainError
from backoffice.jobs import job_handler
from backoffice.services import job_start
from hr.models import Employee

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
CHUNK_SIZE = 200
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
    run = PayrollRun(
        period_start=first,
        period_end=calendar_month_end(first),
        pay_date=pay_date,
        rule_set=rule_set,
        created_by=by,
    )
    run.full_clean()
    run.save()
    return run


@transaction.atomic
def payroll_run_calculate(*, by, run: PayrollRun):
    """Mark the run as calculating and start the job; refused while it is already
    calculating (two clicks at once start one job) or once approved."""
    run = _locked(run)
    _refuse_final(run)
    if run.status == PayrollRun.Status.CALCULATING:
        raise PayrollRunError(_("This payroll run is already being calculated."))
    job = job_start(kind=JOB_KIND, requested_by=by, params={"run": run.pk})
    PayrollRun.objects.filter(pk=run.pk).update(
        status=PayrollRun.Status.CALCULATING, job=job, calculated_by=by, calculated_at=None
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
    run = PayrollRun.objects.select_related("rule_set").get(pk=job.params["run"])
    if run.status != PayrollRun.Status.CALCULATING or run.job_id != job.pk:
        return {"skipped": True}
    ids = list(run_employees(run).values_list("pk", flat=True))
    progress.start(len(ids))
    rules, parameters = payroll_rule_set_specs(run.rule_set)
    days = working_dates(run.period_start, run.period_end)
    with transaction.atomic():
        # Employees no longer in the period lose their old payslips.
        Payslip.objects.filter(run=run).exclude(employee_id__in=ids).delete()
        PayrollException.objects.filter(run=run).exclude(employee_id__in=ids).delete()
    try:
        for start in range(0, len(ids), CHUNK_SIZE):
            chunk = ids[start : start + CHUNK_SIZE]
            payroll_run_calculate_chunk(
                run=run, employee_ids=chunk, rules=rules, parameters=parameters, days=days
            )
            progress.advance(len(chunk))
    except Exception:
        # A failed calculation leaves the run to be calculated again.
        PayrollRun.objects.filter(pk=run.pk).update(status=PayrollRun.Status.DRAFT)
        raise
    totals = payroll_run_totals(run)
    PayrollRun.objects.filter(pk=run.pk, status=PayrollRun.Status.CALCULATING).update(
        status=PayrollRun.Status.CALCULATED, calculated_at=timezone.now(), **totals
    )
    return {"employees": len(ids), "payslips": run.payslips.count()}


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
    employees = list(
        Employee.objects.filter(pk__in=employee_ids).select_related("department").order_by("pk")
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
            timesheet__employee_id__in=employee_ids,
            timesheet__period_start=run.period_start,
            timesheet__status="approved",
        )
        .values("timesheet__employee_id")
        .annotate(**{kind: Sum(kind) for kind in HOUR_KINDS})
    }
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
        if problem:
            exceptions.append(
                PayrollException(run=run, employee=employee, reason=problem[0], message=problem[1])
            )
            continue
        payslip = Payslip(
            run=run,
            employee=employee,
            department_id=employee.department_id,
            gross=result.gross,
            deductions=result.employee_deductions,
            net=result.net,
            employer_contributions=result.employer_contributions,
            employer_cost=result.employer_cost,
        )
        payslips.append(payslip)
        lines.append(
            [
                PayslipLine(
                    code=line.code,
                    name=str(line.name)[:200],
                    category=line.category,
                    base=line.base,
                    amount=line.amount,
                    order=n,
                )
                for n, line in enumerate(result.lines)
            ]
        )
    # Decisions taken on exceptions that occur again are kept.
    kept = {
        (e.employee_id, e.reason): e
        for e in PayrollException.objects.filter(run=run, employee_id__in=employee_ids)
    }
    for exception in exceptions:
        old = kept.get((exception.employee_id, exception.reason))
        if old is not None:
            exception.resolved, exception.excluded = old.resolved, old.excluded
            exception.decided_by_id = old.decided_by_id
    Payslip.objects.filter(run=run, employee_id__in=employee_ids).delete()
    PayrollException.objects.filter(run=run, employee_id__in=employee_ids).delete()
    Payslip.objects.bulk_create(payslips)
    for payslip, rows in zip(payslips, lines, strict=True):
        for row in rows:
            row.payslip = payslip
    PayslipLine.objects.bulk_create([row for rows in lines for row in rows])
    PayrollException.objects.bulk_create(exceptions)


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
    if run.status != PayrollRun.Status.CALCULATED:
        raise PayrollRunError(_("Only a calculated payroll run can be approved."))
    if run.calculated_by_id == by.pk:
        raise PayrollRunError(
            _("The run must be approved by someone other than who calculated it.")
        )
    if run.exceptions.filter(resolved=False, excluded=False).exists():
        raise PayrollRunError(_("Resolve or exclude every exception before approving."))
    run.status, run.approved_by, run.approved_at = PayrollRun.Status.APPROVED, by, timezone.now()
    run.save(update_fields=["status", "approved_by", "approved_at"])
    from accounting.services.payslip_documents import payslip_documents_start

    run.documents_job = payslip_documents_start(by=by, run=run)
    return run


def payroll_run_entry_lines(run: PayrollRun) -> list[dict]:
    """The journal lines of a run: salaries by department, employer contributions,
    employee contributions and taxes by payable, net to salaries payable."""
    lines = []
    salaries = account_for("salaries_expense")
    by_department = run.payslips.values("department").annotate(total=Sum("gross"))
    from hr.models import Department

    departments = Department.objects.in_bulk(
        [r["department"] for r in by_department if r["department"]]
    )
    for row in by_department.order_by("department"):
        if row["total"]:
            lines.append(
                {
                    "account": salaries,
                    "debit": row["total"],
                    "department": departments.get(row["department"]),
                    "description": _("Gross salaries"),
                }
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
            {
                "account": account_for("work_insurance_expense"),
                "debit": employer,
                "description": _("Employer contributions"),
            }
        )
    for role, amount in sorted(owed.items()):
        if amount:
            lines.append({"account": account_for(role), "credit": amount, "description": role})
    net = run.payslips.aggregate(total=Sum("net"))["total"] or ZERO
    if net:
        lines.append(
            {"account": account_for("salaries_payable"), "credit": net, "description": _("Net pay")}
        )
    return lines


@transaction.atomic
def payroll_run_post(*, by, run: PayrollRun) -> JournalEntry:
    run = _locked(run)
    if run.status == PayrollRun.Status.POSTED:
        raise PayrollRunError(_("This payroll run is already posted."))
    if run.status != PayrollRun.Status.APPROVED:
        raise PayrollRunError(_("Only an approved payroll run can be posted."))
    (entry,) = journal_entries_post_many(
        by=by,
        entries=[
            {
                "date": run.pay_date,
                "description": _("Payroll %(month)s") % {"month": f"{run.period_start:%Y-%m}"},
                "lines": payroll_run_entry_lines(run),
                "source": JournalEntry.Source.PAYROLL_RUN,
                "source_key": f"payroll-run:{run.pk}",
            }
        ],
    )
    run.status, run.journal_entry = PayrollRun.Status.POSTED, entry
    run.save(update_fields=["status", "journal_entry"])
    return entry
