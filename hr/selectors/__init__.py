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
from hr.selectors.hiring import (
    applicant_is_managed_by,
    applicants_by_stage,
    applicants_visible_to,
    hiring_summary,
    interview_for_feedback,
    interviews_of,
    onboarding_tasks,
    onboarding_tick_allowed,
    onboarding_visible_to,
    openings_for_hr,
    pipeline_board,
    public_openings,
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
    "public_openings",
    "openings_for_hr",
    "applicants_visible_to",
    "applicant_is_managed_by",
    "interviews_of",
    "interview_for_feedback",
    "applicants_by_stage",
    "pipeline_board",
    "hiring_summary",
    "onboarding_visible_to",
    "onboarding_tick_allowed",
    "onboarding_tasks",
]
