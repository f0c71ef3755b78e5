"""HR tables, one module per subject."""

from hr.models.documents import (
    DocumentExpiryNotice,
    EmployeeDocument,
    document_upload_to,
)
from hr.models.employees import (
    Department,
    Employee,
    EmployeePersonal,
    EmploymentChange,
    Position,
)
from hr.models.imports import (
    EmployeeImport,
    import_expiry,
)

__all__ = [
    "Department",
    "DocumentExpiryNotice",
    "Employee",
    "EmployeeDocument",
    "EmployeeImport",
    "EmployeePersonal",
    "EmploymentChange",
    "Position",
    "document_upload_to",
    "import_expiry",
]
