"""HR pages, one module per subject."""

from hr.views.employees import (
    directory,
    employee_change,
    employee_detail,
    employee_export,
    employee_personal_edit,
    index,
)

__all__ = [
    "index",
    "directory",
    "employee_detail",
    "employee_personal_edit",
    "employee_change",
    "employee_export",
]
