"""Payslip PDFs at volume: 1,000 payslips of the demo's payroll run (Romanian
rules, 5,000 employees) read the way the documents job reads them and rendered
by the job's own function, nothing stored or sent."""

import time

from tests.bench.registry import benchmark, row

PDFS = 1_000


@benchmark("payroll.pdf")
def payslip_pdfs() -> list[dict]:
    from accounting.models.payroll_runs import PayrollRun
    from accounting.selectors.payslips import payslips_with_lines, payslips_year_to_date
    from accounting.services.payslip_documents import DOCUMENTS_CHUNK, payslip_pdf_render

    run = PayrollRun.objects.filter(payslips__isnull=False).order_by("-period_start").first()
    ids = list(run.payslips.order_by("pk").values_list("pk", flat=True)[:PDFS])
    if len(ids) < PDFS:
        raise SystemExit(f"The demo run has {len(ids)} payslips; the bench needs {PDFS}.")

    # The first document pays for loading WeasyPrint and parsing the stylesheet.
    started = time.perf_counter()
    (first,) = payslips_with_lines(run, ids[:1])
    ytd = payslips_year_to_date(run, [first.employee_id])
    payslip_pdf_render(payslip=first, lines=first.ordered_lines, ytd=ytd[first.employee_id])
    warm_up = time.perf_counter() - started

    sizes = []
    started = time.perf_counter()
    for start in range(0, PDFS, DOCUMENTS_CHUNK):
        chunk = payslips_with_lines(run, ids[start : start + DOCUMENTS_CHUNK])
        ytd = payslips_year_to_date(run, [p.employee_id for p in chunk])
        for payslip in chunk:
            pdf = payslip_pdf_render(
                payslip=payslip, lines=payslip.ordered_lines, ytd=ytd[payslip.employee_id]
            )
            sizes.append(len(pdf))
    elapsed = time.perf_counter() - started
    return [
        row("payroll.pdf.per_s", round(len(sizes) / elapsed, 1), "PDFs/s"),
        row("payroll.pdf.total_s", round(elapsed, 2), "s"),
        row("payroll.pdf.count", len(sizes), "PDFs"),
        row("payroll.pdf.mean_kb", round(sum(sizes) / len(sizes) / 1024, 1), "KiB"),
        row("payroll.pdf.first_s", round(warm_up, 3), "s"),
    ]
