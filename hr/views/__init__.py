"""HR pages, one module per subject."""

from hr.views.careers import careers_apply, careers_list
from hr.views.employees import (
    directory,
    employee_change,
    employee_detail,
    employee_export,
    employee_personal_edit,
    index,
)
from hr.views.hiring import (
    applicant_board,
    applicant_create,
    applicant_cv,
    applicant_detail,
    applicant_edit,
    applicant_list,
    applicant_move,
    my_hiring,
    opening_create,
    opening_detail,
    opening_edit,
    opening_list,
    opening_status,
)
from hr.views.interviews import (
    applicant_hire,
    interview_create,
    interview_feedback,
    offer_create,
    offer_status,
)
from hr.views.onboarding import onboarding_detail, onboarding_list, onboarding_task_done

__all__ = [
    "index",
    "directory",
    "employee_detail",
    "employee_personal_edit",
    "employee_change",
    "employee_export",
    "careers_list",
    "careers_apply",
    "opening_list",
    "opening_create",
    "opening_detail",
    "opening_edit",
    "opening_status",
    "applicant_list",
    "applicant_board",
    "applicant_create",
    "applicant_detail",
    "applicant_edit",
    "applicant_cv",
    "applicant_move",
    "my_hiring",
    "interview_create",
    "interview_feedback",
    "offer_create",
    "offer_status",
    "applicant_hire",
    "onboarding_list",
    "onboarding_detail",
    "onboarding_task_done",
]
