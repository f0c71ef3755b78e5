"""HR tables, one module per subject."""

from hr.models.employees import (
    Department,
    Employee,
    EmployeePersonal,
    EmploymentChange,
    Position,
)

__all__ = [
    "Department",
    "Position",
    "Employee",
    "EmployeePersonal",
    "EmploymentChange",
]
