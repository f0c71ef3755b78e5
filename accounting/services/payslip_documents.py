"""Payslip documents: each payslip of an approved run as a PDF, stored on the
payslip and emailed to its employee once.

The job (a chunked job of the core, registered in accounting/jobs.py) works
in chunks of `PAYSLIP_PDF_CHUNK_SIZE` payslips, each held by one worker at a
time; a chunk reads its payslips, their lines and the year-to-date figures in
three queries, renders the PDFs still missing and stores their names with one `bulk_update`. Each
email is claimed with a conditional UPDATE on `emailed_at IS NULL` before it
leaves (and given back if sending fails), so running the job again, or after a
killed worker, renders nothing twice and sends nothing twice.
"""

from functools import cache

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from accounting.models.payroll_runs import PayrollRun, Payslip
from accounting.selectors.payslips import (
    YearToDate,
    payslip_lines_grouped,
    payslip_year_to_date,
    payslips_with_lines,
    payslips_year_to_date,
)
from backoffice.errors import DomainError
from backoffice.mail import MAIL_ERRORS, MailAttachment, MailClaim, mail_send
from backoffice.models import Job
from backoffice.services import job_start

DOCUMENTS_JOB_KIND = "accounting.payslip_documents"
DOCUMENTS_CHUNK = 100


class PayslipDocumentsError(DomainError):
    pass


def _company() -> dict:
    return {
        "name": settings.COMPANY_NAME,
        "tax_id": settings.COMPANY_TAX_ID,
        "address": settings.COMPANY_ADDRESS,
    }


@cache
def _stylesheet():
    """The payslip's CSS and font configuration, made once per process and shared
    by every PDF (measured: a few per cent of each render; see tests/bench)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = render_to_string("accounting/payroll_runs/payslip_pdf.css")
    return CSS(string=css, font_config=fonts), fonts


def payslip_pdf_html(*, payslip: Payslip, lines, ytd: YearToDate) -> str:
    """The HTML a payslip's PDF is made from (the figures, before layout)."""
    return render_to_string(
        "accounting/payroll_runs/payslip_pdf.html",
        {
            "payslip": payslip,
            "run": payslip.run,
            "employee": payslip.employee,
            "groups": payslip_lines_grouped(lines),
            "ytd": ytd,
            "company": _company(),
            "currency": settings.BASE_CURRENCY,
        },
    )


def payslip_pdf_render(*, payslip: Payslip, lines, ytd: YearToDate) -> bytes:
    """One payslip as a PDF; the function the job, the download and the bench use."""
    from weasyprint import HTML

    html = payslip_pdf_html(payslip=payslip, lines=lines, ytd=ytd)
    stylesheet, fonts = _stylesheet()
    return HTML(string=html).write_pdf(stylesheets=[stylesheet], font_config=fonts)


def payslip_pdf(*, payslip: Payslip) -> bytes:
    """Render one payslip on the fly (a download whose PDF is not stored yet)."""
    lines = list(payslip.lines.order_by("order"))
    return payslip_pdf_render(payslip=payslip, lines=lines, ytd=payslip_year_to_date(payslip))


def payslip_pdf_filename(payslip: Payslip) -> str:
    return f"payslip-{payslip.run.period_start:%Y-%m}-{payslip.employee.employee_number}.pdf"


def payslip_email_address(payslip: Payslip) -> str:
    """The work address, else the address of the employee's login; may be empty."""
    employee = payslip.employee
    return employee.work_email or (employee.user.email if employee.user_id else "")


@transaction.atomic
def payslip_documents_start(*, by, run: PayrollRun) -> Job:
    """Start rendering and emailing the run's payslips; refused before approval
    and while a previous documents job is still at work."""
    run = (
        PayrollRun.objects.select_for_update(of=("self",))
        .select_related("documents_job")
        .get(pk=run.pk)
    )
    if not run.is_final:
        raise PayslipDocumentsError(
            _("Payslips are published only once the payroll run is approved.")
        )
    previous = run.documents_job
    if previous is not None and previous.status in (Job.Status.QUEUED, Job.Status.RUNNING):
        raise PayslipDocumentsError(_("The payslip documents of this run are being made already."))
    job = job_start(kind=DOCUMENTS_JOB_KIND, requested_by=by, params={"run": run.pk})
    run.documents_job = job
    run._history_user = by
    run._change_reason = "payslip documents started"
    run.save(update_fields=["documents_job"])
    return job


def payslip_documents_payslip_ids(*, run: PayrollRun) -> list[int]:
    """The payslips the documents job shares out between the workers."""
    return list(run.payslips.order_by("pk").values_list("pk", flat=True))


def payslip_documents_chunk_run(*, run: PayrollRun, payslip_ids) -> None:
    """One chunk of the documents job: its PDFs and emails, unless all are made."""
    if _pending(payslip_ids):
        payslip_documents_chunk(run=run, payslip_ids=payslip_ids)


def payslip_documents_result(*, run: PayrollRun) -> dict:
    """Where the run stands (whichever worker did each chunk)."""
    if not run.is_final:
        return {"skipped": True}
    payslips = run.payslips.all()
    return {
        "payslips": payslips.count(),
        "with_pdf": payslips.exclude(pdf="").count(),
        "emailed": payslips.filter(emailed_at__isnull=False).count(),
        "without_email": payslips.filter(_no_address()).count(),
    }


def _no_address() -> Q:
    return Q(employee__work_email="") & (
        Q(employee__user__isnull=True) | Q(employee__user__email="")
    )


def _pending(payslip_ids) -> bool:
    """Has any of these payslips no PDF yet, or an email still to send?"""
    return (
        Payslip.objects.filter(pk__any_of=payslip_ids)
        .filter(Q(pdf="") | Q(emailed_at__isnull=True) & ~_no_address())
        .exists()
    )


def payslip_documents_chunk(*, run: PayrollRun, payslip_ids) -> dict:
    """Render the chunk's missing PDFs and email those not yet sent."""
    payslips = payslips_with_lines(run, payslip_ids)
    ytd = payslips_year_to_date(run, [p.employee_id for p in payslips])
    rendered, fresh = [], {}
    with translation.override(settings.LANGUAGE_CODE):
        for payslip in payslips:
            if payslip.pdf:
                continue
            pdf = payslip_pdf_render(
                payslip=payslip, lines=payslip.ordered_lines, ytd=ytd[payslip.employee_id]
            )
            payslip.pdf.save(payslip_pdf_filename(payslip), ContentFile(pdf), save=False)
            rendered.append(payslip)
            fresh[payslip.pk] = pdf
    Payslip.objects.bulk_update(rendered, ["pdf"])
    emailed = without_email = 0
    for payslip in payslips:
        if payslip.emailed_at is not None:
            continue
        if not payslip_email_address(payslip):
            without_email += 1
            continue
        emailed += payslip_email(payslip=payslip, pdf=fresh.get(payslip.pk))
    return {"rendered": len(rendered), "emailed": emailed, "without_email": without_email}


def payslip_email(*, payslip: Payslip, pdf: bytes | None = None) -> bool:
    """Email the payslip's PDF to its employee once, however often this runs.

    True when this call sent it. A message the mail server refuses is kept
    by the core's outbox and sent by a retry, so the job goes on.
    """
    address = payslip_email_address(payslip)
    if not address:
        return False
    if pdf is None:
        with payslip.pdf.open("rb") as stored:
            pdf = stored.read()
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your payslip for %(month)s from %(company)s") % {
            "month": f"{payslip.run.period_start:%m/%Y}",
            "company": settings.COMPANY_NAME,
        }
        context = {"payslip": payslip, "company_name": settings.COMPANY_NAME}
        body = render_to_string("accounting/email/payslip.txt", context)
    try:
        return mail_send(
            key=f"accounting.payslip:{payslip.pk}",
            to=[address],
            subject=subject,
            body=body,
            attachments=[MailAttachment(payslip_pdf_filename(payslip), pdf, "application/pdf")],
            claim=MailClaim(payslip, "emailed_at"),
        )
    except MAIL_ERRORS:
        return False  # kept with its error for the retry
