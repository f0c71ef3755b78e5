"""HR reads, filtered to what the user may see; one module per subject."""

from hr.selectors.complaints import (
    complaint_may_handle,
    complaint_notes_visible_to,
    complaints_overdue_count,
    complaints_visible_to,
)
from hr.selectors.discipline import (
    dismissal_cases_visible_to,
    incidents_of,
    offboarding_items_of,
    proposals_open,
    team_warnings_shared_with,
    terminations_with_open_items,
    warnings_visible_to,
)
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
    "complaints_visible_to",
    "complaint_may_handle",
    "complaint_notes_visible_to",
    "complaints_overdue_count",
    "warnings_visible_to",
    "team_warnings_shared_with",
    "incidents_of",
    "proposals_open",
    "dismissal_cases_visible_to",
    "terminations_with_open_items",
    "offboarding_items_of",
]
