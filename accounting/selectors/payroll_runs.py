"""Reads of payroll runs. Runs and payslips are seen by the payroll roles only
(view_payrollrun); employees' own payslips are a later slice."""

from django.db.models import QuerySet

from accounting.models.payroll_runs import PayrollException, PayrollRun, Payslip


def payroll_runs_visible_to(user) -> QuerySet[PayrollRun]:
    runs = PayrollRun.objects.select_related(
        "rule_set",
        "created_by",
        "calculated_by",
        "approved_by",
        "journal_entry",
        "job",
        "corrects",
        "corrects__rule_set",
    )
    return runs if user.has_perm("accounting.view_payrollrun") else runs.none()


def payslips_of(run: PayrollRun) -> QuerySet[Payslip]:
    return run.payslips.select_related("employee", "department").order_by(
        "employee__last_name", "employee__first_name", "pk"
    )


def payslips_visible_to(user) -> QuerySet[Payslip]:
    payslips = Payslip.objects.select_related("run", "run__rule_set", "employee", "department")
    return payslips if user.has_perm("accounting.view_payrollrun") else payslips.none()


def payroll_exceptions_of(run: PayrollRun) -> QuerySet[PayrollException]:
    return run.exceptions.select_related("employee", "decided_by").order_by(
        "employee__last_name", "employee__first_name", "pk"
    )
