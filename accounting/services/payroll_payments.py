"""Paying a posted payroll run: the net-pay bank file and marking the run paid.

The bank file has one transfer per payslip with net pay, to the IBAN of the
employee's pay profile in force on the pay date; it is refused as a whole
when anyone lacks an IBAN, so the bank never receives a partial run. Marking
the run paid posts one entry (salaries payable to the bank) with the key
`payroll-payment:<pk>`, so the ledger itself refuses a second payment; the
final pays the run holds are then reported to HR's offboarding as done.
"""

from datetime import date

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from accounting.bank_files import BankFileError, transfers_csv, transfers_sepa
from accounting.chart import account_for
from accounting.models.ledger import JournalEntry
from accounting.models.payroll_runs import PayrollRun, Payslip
from accounting.money import ZERO
from accounting.selectors.pay import pay_profiles_on
from accounting.services.final_pays import final_pays_report_paid
from accounting.services.ledger import journal_entries_post_many
from accounting.services.payroll_runs import PayrollRunError
from backoffice.validators import compact_iban
from backoffice.workflow import require_status, transition
from hr.models.employees import Employee

PAYABLE_STATUSES = (PayrollRun.Status.POSTED, PayrollRun.Status.PAID)
BANK_FILE_FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "sepa": ("application/xml", "xml"),
}


def _refuse_without_permission(by) -> None:
    if not by.has_perm("accounting.change_payrollrun"):
        raise PayrollRunError(_("You may not pay payroll runs."))


def _names(payslips) -> str:
    return ", ".join(
        f"{slip.employee.full_name} ({slip.employee.employee_number})" for slip in payslips
    )


def payroll_run_transfers(*, run: PayrollRun) -> list[dict]:
    """One transfer per payslip with net pay, in name order; refused when a net
    is negative or an employee has no IBAN on the pay date (named in the error)."""
    slips = list(
        Payslip.objects.filter(run=run)
        .exclude(net=ZERO)
        .select_related("employee")
        .order_by("employee__last_name", "employee__first_name", "pk")
    )
    negative = [slip for slip in slips if slip.net < ZERO]
    if negative:
        raise PayrollRunError(
            _("These employees have a negative net pay and cannot be paid: %(names)s.")
            % {"names": _names(negative)}
        )
    employees = Employee.objects.filter(payslips__run=run)
    ibans = dict(pay_profiles_on(run.pay_date, employees).values_list("employee_id", "iban"))
    missing = [slip for slip in slips if not compact_iban(ibans.get(slip.employee_id) or "")]
    if missing:
        raise PayrollRunError(
            _("These employees have no IBAN on the pay date %(day)s: %(names)s.")
            % {"day": run.pay_date, "names": _names(missing)}
        )
    month = f"{run.period_start:%Y-%m}"
    return [
        {
            "name": slip.employee.full_name,
            "iban": compact_iban(ibans[slip.employee_id]),
            "bic": "",
            "amount": slip.net,
            "reference": _("Salary %(month)s %(number)s")
            % {"month": month, "number": slip.employee.employee_number},
        }
        for slip in slips
    ]


def payroll_run_bank_file(*, by, run: PayrollRun, file_format: str) -> tuple[str, str, bytes]:
    """The net-pay bank file of a posted (or paid) run: (file name, content type, content)."""
    _refuse_without_permission(by)
    if file_format not in BANK_FILE_FORMATS:
        raise PayrollRunError(_("Unknown bank file format: choose CSV or SEPA."))
    run = PayrollRun.objects.get(pk=run.pk)
    require_status(
        run,
        PAYABLE_STATUSES,
        error=PayrollRunError,
        message=_("The bank file is ready once the payroll run is posted."),
    )
    transfers = payroll_run_transfers(run=run)
    if not transfers:
        raise PayrollRunError(_("No payslip in this run has net pay to transfer."))
    total = sum((transfer["amount"] for transfer in transfers), ZERO)
    if total != run.net:
        raise PayrollRunError(
            _("The payslips' net pay (%(payslips)s) differs from the run's (%(run)s).")
            % {"payslips": total, "run": run.net}
        )
    content_type, extension = BANK_FILE_FORMATS[file_format]
    month = f"{run.period_start:%Y-%m}"
    try:
        if file_format == "csv":
            content = transfers_csv(transfers, party="employee")
        else:
            content = transfers_sepa(
                transfers, execution_date=run.pay_date, reference=f"PAY{run.pk}-{month}"
            )
    except BankFileError as exc:
        raise PayrollRunError(str(exc)) from None
    return f"salaries-{month}-{run.pk}.{extension}", content_type, content


@transaction.atomic
def payroll_run_mark_paid(*, by, run: PayrollRun, paid_on: date) -> PayrollRun:
    """The bank paid the net pay: debit salaries payable, credit the bank, once."""
    _refuse_without_permission(by)
    run = PayrollRun.objects.select_for_update().get(pk=run.pk)
    refused = {PayrollRun.Status.PAID: _("This payroll run is already marked paid.")}
    only_posted = refused.get(run.status) or _("Only a posted payroll run can be marked paid.")
    require_status(run, [PayrollRun.Status.POSTED], error=PayrollRunError, message=only_posted)
    if paid_on < run.period_start:
        raise PayrollRunError(
            _("The payment date cannot be before the period it pays (%(start)s).")
            % {"start": run.period_start}
        )
    net = run.payslips.aggregate(total=Sum("net"))["total"] or ZERO
    if net <= ZERO:
        raise PayrollRunError(_("This payroll run has no net pay to pay."))
    month = f"{run.period_start:%Y-%m}"
    (entry,) = journal_entries_post_many(
        by=by,
        entries=[
            {
                "date": paid_on,
                "description": _("Net pay %(month)s") % {"month": month},
                "lines": [
                    {
                        "account": account_for("salaries_payable"),
                        "debit": net,
                        "description": _("Net pay"),
                    },
                    {
                        "account": account_for("bank"),
                        "credit": net,
                        "description": _("Salaries %(month)s") % {"month": month},
                    },
                ],
                "source": JournalEntry.Source.PAYROLL_PAYMENT,
                "source_key": f"payroll-payment:{run.pk}",
            }
        ],
    )
    transition(
        run,
        to=PayrollRun.Status.PAID,
        allowed_from=[PayrollRun.Status.POSTED],
        by=by,
        stamp="paid",
        error=PayrollRunError,
        message=only_posted,
        changes={"payment_entry": entry},
    )
    final_pays_report_paid(run=run)
    return run
