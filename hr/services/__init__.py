"""Every HR write that matters, one module per subject."""

from hr.services.documents import DocumentError, document_upload, documents_expiry_notify
from hr.services.employees import (
    EmployeeError,
    employee_change,
    employee_dismiss,
    employee_hire,
    employee_personal_update,
)
from hr.services.imports import (
    EmployeeImportError,
    employee_import_confirm,
    employee_import_upload,
    employee_imports_prune,
)

__all__ = [
    "EmployeeError",
    "employee_hire",
    "employee_change",
    "employee_personal_update",
    "employee_dismiss",
    "DocumentError",
    "document_upload",
    "documents_expiry_notify",
    "EmployeeImportError",
    "employee_import_upload",
    "employee_import_confirm",
    "employee_imports_prune",
]
