"""Every HR write that matters, one module per subject."""

from hr.services.employees import (
    EmployeeError,
    employee_change,
    employee_dismiss,
    employee_hire,
    employee_personal_update,
)
from hr.services.policies import (
    PolicyError,
    policy_acknowledge,
    policy_create,
    policy_reminders_send,
    policy_version_create,
    policy_version_publish,
)
from hr.services.training import (
    TrainingError,
    course_create,
    course_update,
    employees_for_target,
    training_assign,
    training_assign_mandatory,
    training_assignment_cancel,
    training_assignment_record,
    training_reminders_send,
    training_session_create,
    training_session_record,
)

__all__ = [
    "EmployeeError",
    "employee_hire",
    "employee_change",
    "employee_personal_update",
    "employee_dismiss",
    "TrainingError",
    "course_create",
    "course_update",
    "training_session_create",
    "training_assign",
    "employees_for_target",
    "training_session_record",
    "training_assign_mandatory",
    "training_assignment_record",
    "training_assignment_cancel",
    "training_reminders_send",
    "PolicyError",
    "policy_create",
    "policy_version_create",
    "policy_version_publish",
    "policy_acknowledge",
    "policy_reminders_send",
]
