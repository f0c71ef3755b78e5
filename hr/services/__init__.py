"""Every HR write that matters, one module per subject."""

from hr.services.employees import (
    EmployeeError,
    employee_change,
    employee_dismiss,
    employee_hire,
    employee_personal_update,
)

__all__ = [
    "EmployeeError",
    "employee_hire",
    "employee_change",
    "employee_personal_update",
    "employee_dismiss",
]
