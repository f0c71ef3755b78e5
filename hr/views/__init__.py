"""HR pages, one module per subject."""

from hr.views.employees import (
    directory,
    employee_change,
    employee_detail,
    employee_export,
    employee_personal_edit,
    index,
)
from hr.views.records import (
    document_download,
    document_upload,
    documents_expiring,
    employee_import,
    employee_import_confirm,
    employee_import_preview,
    my_documents,
    org_chart,
)

__all__ = [
    "directory",
    "document_download",
    "document_upload",
    "documents_expiring",
    "employee_change",
    "employee_detail",
    "employee_export",
    "employee_import",
    "employee_import_confirm",
    "employee_import_preview",
    "employee_personal_edit",
    "index",
    "my_documents",
    "org_chart",
]
