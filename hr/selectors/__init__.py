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
    "complaint_may_handle",
    "complaint_notes_visible_to",
    "complaints_overdue_count",
    "complaints_visible_to",
    "directory",
    "dismissal_cases_visible_to",
    "documents_expiring",
    "documents_of",
    "documents_visible_to",
    "employee_for_user",
    "employees_visible_to",
    "employment_history_visible_to",
    "headcount_by_department",
    "imports_of",
    "incidents_of",
    "offboarding_items_of",
    "org_chart",
    "personal_data_allowed",
    "personal_data_visible_to",
    "proposals_open",
    "team_of",
    "team_warnings_shared_with",
    "terminations_with_open_items",
    "warnings_visible_to",
]
