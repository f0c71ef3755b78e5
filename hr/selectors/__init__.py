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

__all__ = [
    "employee_for_user",
    "directory",
    "team_of",
    "headcount_by_department",
    "employees_visible_to",
    "personal_data_allowed",
    "personal_data_visible_to",
    "employment_history_visible_to",
]
