"""Import employees from a CSV or XLSX file: upload, preview, confirm.

The upload is parsed and checked at once and held in an `EmployeeImport`
row owned by the uploader. Nothing is imported until every row is clean;
confirming checks the held rows again against the database (someone may
have taken an employee number since) and creates all of them in one
transaction, or none.

Each imported person is hired like one typed in by hand: `employee_hired`
is sent for each, so the other departments (IT accounts, payroll) act on
every new person as they do for `employee_hire`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from backoffice import events
from backoffice.errors import DomainError
from hr import employee_files, import_rows
from hr.models.employees import Employee
from hr.models.imports import EmployeeImport
from hr.uploads import check_size

FILE_ERRORS = "file"


class EmployeeImportError(DomainError):
    pass


# Upload ------------------------------------------------------------------------


@transaction.atomic
def employee_import_upload(*, by, uploaded_file) -> EmployeeImport:
    """Read and check an uploaded file; hold its rows for the preview.

    A file that cannot be read at all is refused with a message and nothing
    is kept; a readable file is kept with its errors, for the preview.
    """
    try:
        check_size(uploaded_file, settings.HR_IMPORT_MAX_BYTES)
        table = employee_files.read_table(uploaded_file)
    except (ValidationError, employee_files.EmployeeFileError) as exc:
        message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        raise EmployeeImportError(message) from exc
    rows, file_errors = import_rows.rows_from_table(table)
    errors = import_rows.rows_check(rows) if not file_errors else {}
    if file_errors:
        errors[FILE_ERRORS] = file_errors
    batch = EmployeeImport(
        uploaded_by=by,
        file_name=(uploaded_file.name or "employees")[-200:],
        rows=rows,
        errors=errors,
    )
    batch.full_clean()
    batch.save()
    return batch


# Confirm -----------------------------------------------------------------------


def employee_import_confirm(*, by, batch: EmployeeImport) -> int:
    """Create every held row in one transaction; returns how many people were hired.

    Refused, with nothing imported, when the import is not the caller's,
    has expired, was already imported, or a row no longer passes its checks
    (those errors are then kept for the preview).
    """
    with transaction.atomic():
        batch = EmployeeImport.objects.select_for_update().get(pk=batch.pk)
        if batch.uploaded_by_id != by.pk:
            raise EmployeeImportError(_("This import is not yours."))
        if batch.status != EmployeeImport.Status.PENDING:
            raise EmployeeImportError(_("This file has already been imported."))
        if batch.is_expired:
            raise EmployeeImportError(_("This upload has expired; upload the file again."))
        if not batch.rows or batch.errors.get(FILE_ERRORS):
            raise EmployeeImportError(_("This file has nothing to import."))
        errors = import_rows.rows_check(batch.rows)
        if errors:
            batch.errors = errors
            batch.save(update_fields=["errors"])
        else:
            try:
                with transaction.atomic():
                    count = _create_all(by=by, rows=batch.rows)
            except IntegrityError as exc:
                raise EmployeeImportError(
                    _(
                        "Another change got in first (an employee number is taken); "
                        "nothing was imported. Upload the file again."
                    )
                ) from exc
            batch.status = EmployeeImport.Status.IMPORTED
            batch.imported_at = timezone.now()
            batch.imported_count = count
            batch.save(update_fields=["status", "imported_at", "imported_count"])
    if errors:
        raise EmployeeImportError(
            _("Some rows no longer pass their checks; nothing was imported. See the errors below.")
        )
    return count


def _create_all(*, by, rows: list[dict]) -> int:
    """Bulk-create the rows, managers before the people who report to them.

    Each round creates the rows whose manager already exists, so the number
    of INSERTs grows with the depth of the chain of managers in the file,
    not with its length.
    """
    context = import_rows.RowsContext(rows)
    managers = dict(context.existing)
    pending = list(rows)
    created: list[Employee] = []
    while pending:
        ready = [r for r in pending if not r["manager_number"] or r["manager_number"] in managers]
        if not ready:  # the checks refuse circles; this guards against a loop
            raise EmployeeImportError(_("The managers in the file form a circle."))
        employees = [import_rows.employee_from_row(row, context, managers) for row in ready]
        employees = bulk_create_with_history(employees, Employee, default_user=by, batch_size=1000)
        managers |= {employee.employee_number: employee for employee in employees}
        created += employees
        taken = {id(row) for row in ready}
        pending = [row for row in pending if id(row) not in taken]
    for employee in created:
        events.employee_hired.send(sender=Employee, employee=employee, by=by)
    return len(created)


def employee_imports_prune() -> int:
    """Delete uploads past their expiry that were never imported."""
    deleted, _by_model = EmployeeImport.objects.filter(
        status=EmployeeImport.Status.PENDING, expires_at__lte=timezone.now()
    ).delete()
    return deleted
