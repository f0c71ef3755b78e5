"""HR tables, one module per subject."""

from hr.models.complaints import Complaint, ComplaintNote
from hr.models.discipline import (
    DisciplineProposal,
    DismissalCase,
    EscalationRule,
    Incident,
    OffboardingItem,
    Termination,
    Warning,
)
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
    "Complaint",
    "ComplaintNote",
    "Incident",
    "Warning",
    "EscalationRule",
    "DisciplineProposal",
    "Termination",
    "DismissalCase",
    "OffboardingItem",
]
