"""HR's long-running jobs."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backoffice.jobs import job_handler
from hr import employee_files
from hr.models.employees import Employee

EXPORT_CHUNK = 1000
EXPORT_FORMATS = {"csv": employee_files.write_csv, "xlsx": employee_files.write_xlsx}


@job_handler("hr.employee_export", label=_("Employee export"), permission="hr.export_employee")
def employee_export(*, job, progress):
    """Write every employee to a CSV or XLSX file (`params["format"]`), in chunks.

    The columns are those the import reads (`hr.employee_files.COLUMNS`),
    so the file imports again. Runs from the start each time, so a second
    run after a killed worker replaces the first run's file.
    """
    file_format = (job.params or {}).get("format", "csv")
    if file_format not in EXPORT_FORMATS:
        raise ValueError(f"Unknown export format {file_format!r}")
    employees = Employee.objects.order_by("pk").values_list("pk", *employee_files.LOOKUPS)
    progress.start(Employee.objects.count())
    rows, last_pk = [], 0
    while True:
        chunk = list(employees.filter(pk__gt=last_pk)[:EXPORT_CHUNK])
        if not chunk:
            break
        rows += [row[1:] for row in chunk]
        last_pk = chunk[-1][0]
        progress.advance(len(chunk))
    content = EXPORT_FORMATS[file_format](rows)
    if job.result_file:
        job.result_file.delete(save=False)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    job.result_file.save(f"employees-{stamp}.{file_format}", ContentFile(content), save=False)
    return {"rows": len(rows)}


@job_handler("hr.leave_year_end", label=_("Leave year end"), permission="hr.manage_leave")
def leave_year_end(*, job, progress):
    """Carry over or expire `params["year"]`'s unused leave and accrue the next year.

    Set-based and idempotent: a second run (or a redelivery) writes nothing new.
    """
    from hr.services.leave_year_end import leave_year_end as year_end_run

    progress.start(1)
    result = year_end_run(year=int(job.params["year"]), by=job.requested_by)
    progress.advance(1)
    return result
