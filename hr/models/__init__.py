"""HR tables, one module per subject."""

from hr.models.employees import (
    Department,
    Employee,
    EmployeePersonal,
    EmploymentChange,
    Position,
)
from hr.models.policies import Policy, PolicyAcknowledgement, PolicyVersion
from hr.models.training import Course, TrainingAssignment, TrainingSession

__all__ = [
    "Department",
    "Position",
    "Employee",
    "EmployeePersonal",
    "EmploymentChange",
    "Course",
    "TrainingSession",
    "TrainingAssignment",
    "Policy",
    "PolicyVersion",
    "PolicyAcknowledgement",
]
