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
    OrgItem,
    OrgNode,
    documents_expiring,
    documents_of,
    documents_visible_to,
    imports_of,
    org_chart,
)

__all__ = [
    "OrgItem",
    "OrgNode",
    "directory",
    "documents_expiring",
    "documents_of",
    "documents_visible_to",
    "employee_for_user",
    "employees_visible_to",
    "employment_history_visible_to",
    "headcount_by_department",
    "imports_of",
    "org_chart",
    "personal_data_allowed",
    "personal_data_visible_to",
    "team_of",
]
