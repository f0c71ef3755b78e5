"""Pages after a payroll run is calculated: the register (XLSX), the cost by
department, the net-pay bank file and marking the run paid."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounting.forms.payroll_payments import PayrollRunPaidForm
from accounting.payroll_files import payroll_register_xlsx
from accounting.selectors import payroll_reports as payroll_reports_selectors
from accounting.selectors import payroll_runs as payroll_runs_selectors
from accounting.services import payroll_payments as payroll_payments_services
from backoffice.errors import DomainError
from backoffice.permissions import require_perm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _run(request, pk):
    return get_object_or_404(payroll_runs_selectors.payroll_runs_visible_to(request.user), pk=pk)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_perm("accounting.view_payrollrun")
def payrollrun_register(request, pk):
    run = _run(request, pk)
    content = payroll_register_xlsx(
        register=payroll_reports_selectors.payroll_run_register(run),
        costs=payroll_reports_selectors.payroll_run_department_costs(run),
    )
    return _download(content, XLSX, f"payroll-register-{run.period_start:%Y-%m}-{run.pk}.xlsx")


@require_perm("accounting.view_payrollrun")
def payrollrun_cost(request, pk):
    run = _run(request, pk)
    return render(
        request,
        "accounting/payroll_runs/run_cost.html",
        {"run": run, "costs": payroll_reports_selectors.payroll_run_department_costs(run)},
    )


@require_perm("accounting.change_payrollrun")
def payrollrun_bankfile(request, pk):
    run = _run(request, pk)
    try:
        filename, content_type, content = payroll_payments_services.payroll_run_bank_file(
            by=request.user, run=run, file_format=request.GET.get("format", "")
        )
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("accounting:payrollrun-detail", pk=run.pk)
    return _download(content, content_type, filename)


@require_perm("accounting.change_payrollrun")
def payrollrun_mark_paid(request, pk):
    """GET asks for the payment date; POST marks the run paid."""
    run = _run(request, pk)
    form = PayrollRunPaidForm(request.POST or None, initial={"paid_on": run.pay_date})
    if request.method == "POST" and form.is_valid():
        try:
            payroll_payments_services.payroll_run_mark_paid(
                by=request.user, run=run, **form.cleaned_data
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The payroll run is marked paid."))
            return redirect("accounting:payrollrun-detail", pk=run.pk)
    return render(request, "accounting/payroll_runs/run_mark_paid.html", {"run": run, "form": form})
