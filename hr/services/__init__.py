"""Every HR write that matters, one module per subject."""

from hr.services.documents import (
    DocumentError,
    document_upload,
    documents_expiry_notify,
)
from hr.services.employees import (
    EmployeeError,
    employee_change,
    employee_dismiss,
    employee_hire,
    employee_personal_update,
    employee_validate,
)
from hr.services.imports import (
    EmployeeImportError,
    employee_import_check,
    employee_import_confirm,
    employee_import_upload,
    employee_imports_prune,
    parse_date,
)

__all__ = [
    "DocumentError",
    "EmployeeError",
    "EmployeeImportError",
    "document_upload",
    "documents_expiry_notify",
    "employee_change",
    "employee_dismiss",
    "employee_hire",
    "employee_import_check",
    "employee_import_confirm",
    "employee_import_upload",
    "employee_imports_prune",
    "employee_personal_update",
    "employee_validate",
    "parse_date",
]
