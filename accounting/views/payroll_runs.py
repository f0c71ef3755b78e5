"""Pages of payroll runs: list, create, detail (with the calculation's progress,
exceptions and payslips), the calculate / approve / post actions and a payslip."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounting.forms.payroll_runs import PayrollCorrectionForm, PayrollRunForm
from accounting.models.payroll_runs import PayrollException, PayrollRun
from accounting.selectors import payroll_reports as payroll_reports_selectors
from accounting.selectors import payroll_runs as payroll_runs_selectors
from accounting.selectors import payslips as payslips_selectors
from accounting.services import payroll_runs as payroll_runs_services
from backoffice.errors import DomainError
from backoffice.permissions import require_perm

PAGE_SIZE = 50


@require_perm("accounting.view_payrollrun")
def payrollrun_list(request):
    runs = Paginator(payroll_runs_selectors.payroll_runs_visible_to(request.user), PAGE_SIZE)
    return render(
        request,
        "accounting/payroll_runs/run_list.html",
        {"page": runs.get_page(request.GET.get("page"))},
    )


@require_perm("accounting.add_payrollrun")
def payrollrun_create(request):
    form = PayrollRunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = payroll_runs_services.payroll_run_create(by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The payroll run is created."))
            return redirect("accounting:payrollrun-detail", pk=run.pk)
    return render(request, "accounting/payroll_runs/run_form.html", {"form": form})


@require_perm("accounting.view_payrollrun")
def payrollrun_detail(request, pk):
    run = get_object_or_404(payroll_runs_selectors.payroll_runs_visible_to(request.user), pk=pk)
    payslips = Paginator(payroll_runs_selectors.payslips_of(run), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "accounting/payroll_runs/run_detail.html",
        {
            "run": run,
            "page": payslips,
            "exceptions": payroll_runs_selectors.payroll_exceptions_of(run),
            "show_progress": run.job_id and run.job.requested_by_id == request.user.pk,
            # The approver sees what changed since last month before approving.
            "variance": payroll_reports_selectors.payroll_run_variance(run)
            if run.status == PayrollRun.Status.CALCULATED
            else None,
            "documents": payslips_selectors.payslip_documents_summary(run)
            if run.is_final
            else None,
        },
    )


def _act(request, pk, action, done_message):
    run = get_object_or_404(payroll_runs_selectors.payroll_runs_visible_to(request.user), pk=pk)
    try:
        action(by=request.user, run=run)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done_message)
    return redirect("accounting:payrollrun-detail", pk=run.pk)


@require_POST
@require_perm("accounting.calculate_payrollrun")
def payrollrun_calculate(request, pk):
    return _act(
        request, pk, payroll_runs_services.payroll_run_calculate, _("The calculation has started.")
    )


@require_POST
@require_perm("accounting.approve_payrollrun")
def payrollrun_approve(request, pk):
    return _act(
        request, pk, payroll_runs_services.payroll_run_approve, _("The payroll run is approved.")
    )


@require_POST
@require_perm("accounting.change_payrollrun")
def payrollrun_post(request, pk):
    return _act(
        request, pk, payroll_runs_services.payroll_run_post, _("The payroll run is posted.")
    )


@require_POST
@require_perm("accounting.change_payrollrun")
def payrollexception_decide(request, pk):
    run_ids = payroll_runs_selectors.payroll_runs_visible_to(request.user).values("pk")
    exception = get_object_or_404(PayrollException.objects.filter(run__in=run_ids), pk=pk)
    try:
        payroll_runs_services.payroll_exception_decide(
            by=request.user, exception=exception, excluded=request.POST.get("excluded") == "1"
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("accounting:payrollrun-detail", pk=exception.run_id)


@require_perm("accounting.view_payrollrun")
def payslip_detail(request, pk):
    payslip = get_object_or_404(payroll_runs_selectors.payslips_visible_to(request.user), pk=pk)
    return render(
        request,
        "accounting/payroll_runs/payslip_detail.html",
        {"payslip": payslip, "lines": payslip.lines.order_by("order")},
    )


@require_perm("accounting.add_payrollrun")
def payrollrun_correct(request, pk):
    run = get_object_or_404(payroll_runs_selectors.payroll_runs_visible_to(request.user), pk=pk)
    form = PayrollCorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            correction = payroll_runs_services.payroll_run_correction_create(
                by=request.user,
                run=run,
                employees=form.cleaned_data["employee_numbers"],
                pay_date=form.cleaned_data["pay_date"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The off-cycle correction run is created."))
            return redirect("accounting:payrollrun-detail", pk=correction.pk)
    return render(
        request, "accounting/payroll_runs/correction_form.html", {"form": form, "run": run}
    )
