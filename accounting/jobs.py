"""Accounting's long-running jobs: each kind registered here, its work done by
the services (accounting/services/payroll_calculation.py, payslip_documents.py).

Both are chunked jobs of the core (backoffice/jobs.py): the core splits the
items, hands the chunks to the workers, claims each chunk, adds up progress
and finishes once; the hooks below only load the run and call a service.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounting.models.payroll_runs import PayrollRun
from accounting.services import payroll_calculation, payroll_runs, payslip_documents
from backoffice.jobs import ChunkedJob, chunked_job


def _run(job) -> PayrollRun:
    return PayrollRun.objects.select_related("rule_set").get(pk=job.params["run"])


@chunked_job(
    payroll_runs.JOB_KIND,
    label=_("Payroll calculation"),
    permission="accounting.calculate_payrollrun",
)
class PayrollRunCalculation(ChunkedJob):
    """The run's payslips, computed by the workers a chunk of employees each; each
    chunk in one transaction (all its work is in the database)."""

    def chunk_size(self) -> int:
        return settings.PAYROLL_CHUNK_SIZE

    def active(self, job) -> bool:
        return payroll_calculation.payroll_run_is_calculating(run=_run(job), job=job)

    def split(self, job) -> list:
        return payroll_calculation.payroll_run_calculation_prepare(run=_run(job))

    def run_chunk(self, job, items: list) -> None:
        payroll_calculation.payroll_run_calculation_chunk(run=_run(job), employee_ids=items)

    def finish(self, job) -> None:
        payroll_runs.payroll_run_calculated(run=_run(job), job=job)

    def failed(self, job) -> None:
        payroll_runs.payroll_run_calculation_failed(run=_run(job), job=job)

    def result(self, job) -> dict:
        return payroll_calculation.payroll_run_calculation_result(run=_run(job), job=job)


@chunked_job(
    payslip_documents.DOCUMENTS_JOB_KIND,
    label=_("Payslip documents"),
    permission="accounting.view_payrollrun",
)
class PayslipDocuments(ChunkedJob):
    """Each payslip's PDF stored and emailed once; rendering is slow, so the
    workers share it. Files and mail leave the database as the chunk goes (an
    email sent must stay marked sent if the worker dies next), so the chunk is
    held, not done in one transaction; each email is claimed on its own."""

    atomic = False
    wait_seconds = 0.2

    def chunk_size(self) -> int:
        return settings.PAYSLIP_PDF_CHUNK_SIZE

    def active(self, job) -> bool:
        return _run(job).is_final

    def split(self, job) -> list:
        return payslip_documents.payslip_documents_payslip_ids(run=_run(job))

    def run_chunk(self, job, items: list) -> None:
        payslip_documents.payslip_documents_chunk_run(run=_run(job), payslip_ids=items)

    def result(self, job) -> dict:
        return payslip_documents.payslip_documents_result(run=_run(job))
