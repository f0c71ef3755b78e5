"""The demo payroll run: calculated once, one payslip per paid employee."""

from django.core.management import call_command

from accounting.models.payroll_runs import PayrollRun


def test_the_demo_has_one_calculated_run_once(db):
    call_command("seed_demo", employees=12)
    call_command("seed_demo", employees=12)
    run = PayrollRun.objects.get()
    assert run.status == PayrollRun.Status.CALCULATED
    assert run.payslips.exists()
    assert run.net == run.gross - run.deductions
    assert run.payslips.count() == run.payslips.values("employee").distinct().count()
