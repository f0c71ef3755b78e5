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
from hr.selectors.records import (
    documents_expiring,
    documents_of,
    documents_visible_to,
    imports_of,
    org_chart,
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
    "documents_visible_to",
    "documents_of",
    "documents_expiring",
    "imports_of",
    "org_chart",
]
