"""HR tables, one module per subject."""

from hr.models.documents import DocumentExpiryNotice, EmployeeDocument
from hr.models.employees import (
    Department,
    Employee,
    EmployeePersonal,
    EmploymentChange,
    Position,
)
from hr.models.imports import EmployeeImport

__all__ = [
    "Department",
    "Position",
    "Employee",
    "EmployeePersonal",
    "EmploymentChange",
    "EmployeeDocument",
    "DocumentExpiryNotice",
    "EmployeeImport",
]
