"""HR reads, filtered to what the user may see; one module per subject."""

from hr.selectors.employees import (
    directory,
    employee_for_user,
    employees_visible_to,
    employment_history_visible_to,
    headcount_by_department,
    personal_data_allowed,
    personal_data_visible_to,
    team_of,
)
from hr.selectors.policies import (
    acknowledgement_counts,
    employees_bound_by,
    pending_acknowledgement,
    policies_for,
    policy_version_readable_by,
)
from hr.selectors.training import (
    assignments,
    assignments_expiring,
    assignments_overdue,
    assignments_visible_to,
    mandatory_courses_for,
    sessions_recordable_by,
    team_training,
    training_dashboard,
    training_of,
)

__all__ = [
    "employee_for_user",
    "directory",
    "team_of",
    "headcount_by_department",
    "employees_visible_to",
    "personal_data_allowed",
    "personal_data_visible_to",
    "employment_history_visible_to",
    "assignments",
    "assignments_overdue",
    "assignments_expiring",
    "training_dashboard",
    "training_of",
    "assignments_visible_to",
    "team_training",
    "sessions_recordable_by",
    "mandatory_courses_for",
    "policies_for",
    "policy_version_readable_by",
    "employees_bound_by",
    "pending_acknowledgement",
    "acknowledgement_counts",
]
