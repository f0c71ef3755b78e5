"""A leaver's final pay, seen from HR's offboarding: paying it is payroll's item done."""

from accounting.models.payroll_runs import FinalPay, PayrollRun
from backoffice import events
from hr.models.discipline import OffboardingItem


def final_pays_report_paid(*, run: PayrollRun) -> int:
    """Tell HR the final pays this run holds are paid, one report per final pay.

    Called in the transaction that marks the run paid, which happens once (the
    run is locked and a paid run is refused), and a final pay belongs to one
    payslip: so each final pay is reported once. Returns how many were.
    """
    finals = list(FinalPay.objects.filter(payslip__run=run).select_related("employee"))
    for final in finals:
        events.offboarding_item_done.send(
            sender=FinalPay,
            employee=final.employee,
            item=OffboardingItem.Task.FINAL_PAY.value,
            by=run.paid_by,
            when=run.paid_at,
        )
    return len(finals)
