"""Payslip documents: the employee's "My payslips" pages, the PDF download and
the payroll roles' "make and send the missing documents" action."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounting.selectors import payroll_runs as payroll_runs_selectors
from accounting.selectors import payslips as payslips_selectors
from accounting.services import payslip_documents as payslip_documents_services
from backoffice.errors import DomainError
from backoffice.permissions import require_any_perm, require_perm

PAGE_SIZE = 24


@require_perm("accounting.view_own_payprofile")
def my_payslip_list(request):
    payslips = Paginator(payslips_selectors.my_payslips(request.user), PAGE_SIZE)
    year = timezone.localdate().year
    return render(
        request,
        "accounting/payroll_runs/my_payslip_list.html",
        {
            "page": payslips.get_page(request.GET.get("page")),
            "ytd": payslips_selectors.my_year_to_date(request.user, year),
        },
    )


@require_perm("accounting.view_own_payprofile")
def my_payslip_detail(request, pk):
    payslip = get_object_or_404(payslips_selectors.my_payslips(request.user), pk=pk)
    return render(
        request,
        "accounting/payroll_runs/my_payslip_detail.html",
        {
            "payslip": payslip,
            "groups": payslips_selectors.payslip_lines_grouped(payslip.lines.all()),
            "ytd": payslips_selectors.payslip_year_to_date(payslip),
        },
    )


# Everyone holds one of these (the Employee role has its own pay); which
# payslips a user may download is the selector's object rule, 404 otherwise.
@require_any_perm("accounting.view_payrollrun", "accounting.view_own_payprofile")
def payslip_pdf(request, pk):
    payslip = get_object_or_404(
        payslips_selectors.payslip_documents_visible_to(request.user), pk=pk
    )
    filename = payslip_documents_services.payslip_pdf_filename(payslip)
    if payslip.pdf:
        return FileResponse(
            payslip.pdf.open("rb"), content_type="application/pdf", filename=filename
        )
    response = HttpResponse(
        payslip_documents_services.payslip_pdf(payslip=payslip), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_POST
@require_any_perm("accounting.change_payrollrun", "accounting.approve_payrollrun")
def payrollrun_documents(request, pk):
    run = get_object_or_404(payroll_runs_selectors.payroll_runs_visible_to(request.user), pk=pk)
    try:
        payslip_documents_services.payslip_documents_start(by=request.user, run=run)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("The missing payslip PDFs are being made and unsent payslips emailed.")
        )
    return redirect("accounting:payrollrun-detail", pk=run.pk)
