"""HR's long-running jobs."""

import csv
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backoffice.jobs import job_handler
from hr.models import Employee

EXPORT_CHUNK = 1000
EXPORT_COLUMNS = [
    ("employee_number", _("Employee number")),
    ("first_name", _("First name")),
    ("last_name", _("Last name")),
    ("work_email", _("Work email")),
    ("work_phone", _("Work phone")),
    ("department__name", _("Department")),
    ("position__title", _("Position")),
    ("manager__employee_number", _("Manager number")),
    ("hire_date", _("Hire date")),
    ("status", _("Status")),
]


@job_handler("hr.employee_export", label=_("Employee export"), permission="hr.export_employee")
def employee_export(*, job, progress):
    """Write every employee to a CSV file, in chunks, reporting progress.

    Runs from the start each time, so a second run after a killed worker
    replaces the first run's file instead of adding to it.
    """
    fields = [field for field, _label in EXPORT_COLUMNS]
    employees = Employee.objects.order_by("pk").values_list("pk", *fields)
    progress.start(Employee.objects.count())
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(label) for _field, label in EXPORT_COLUMNS])
    rows, last_pk = 0, 0
    while True:
        chunk = list(employees.filter(pk__gt=last_pk)[:EXPORT_CHUNK])
        if not chunk:
            break
        writer.writerows(row[1:] for row in chunk)
        last_pk = chunk[-1][0]
        rows += len(chunk)
        progress.advance(len(chunk))
    if job.result_file:
        job.result_file.delete(save=False)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    job.result_file.save(
        f"employees-{stamp}.csv", ContentFile(buffer.getvalue().encode("utf-8")), save=False
    )
    return {"rows": rows}
