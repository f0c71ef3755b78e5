"""Writes of payroll runs: create, calculate (a job), resolve exceptions,
approve (a second person) and post (one journal entry).

`payroll_run_calculate` starts the calculation job; the job itself (a chunked
job of the core, registered in accounting/jobs.py) computes the payslips with
accounting/services/payroll_calculation.py and, once every chunk is done,
`payroll_run_calculated` stores the run's totals.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounting.chart import account_for, account_role_label
from accounting.models.ledger import JournalEntry
from accounting.models.payroll_rules import PayrollRuleSet
from accounting.models.payroll_runs import (
    FinalPay,
    PayrollException,
    PayrollRun,
    PayslipLine,
)
from accounting.payroll.engine import EMPLOYEE_DEDUCTION, EMPLOYER_CONTRIBUTION, TAX
from accounting.selectors.pay import calendar_month_end, calendar_month_start
from accounting.services.ledger import journal_entries_post_many
from backoffice.errors import DomainError, clean_or_raise
from backoffice.services import job_start
from backoffice.workflow import require_status, transition
from hr.models.employees import Employee

ZERO = Decimal("0.00")
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


def _calculating(run: PayrollRun, job) -> PayrollRun | None:
    """The run, locked, while it is still being calculated by `job`; else None."""
    run = _locked(run)
    if run.job_id != job.pk or run.status != PayrollRun.Status.CALCULATING:
        return None
    return run


@transaction.atomic
def payroll_run_calculated(*, run: PayrollRun, job) -> None:
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
def payroll_run_calculation_failed(*, run: PayrollRun, job) -> None:
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


def payroll_run_totals(run: PayrollRun) -> dict:
    sums = run.payslips.aggregate(
        gross=Sum("gross"),
        deductions=Sum("deductions"),
        net=Sum("net"),
        employer_cost=Sum("employer_cost"),
    )
    return {key: value or ZERO for key, value in sums.items()}


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
            lines.append(
                _entry_line(
                    account_for(role), amount, debit=False, description=account_role_label(role)
                )
            )
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
