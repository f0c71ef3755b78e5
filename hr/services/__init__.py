"""Every HR write that matters, one module per subject."""

from hr.services.employees import (
    EmployeeError,
    employee_change,
    employee_dismiss,
    employee_hire,
    employee_personal_update,
)
from hr.services.hiring import (
    ALLOWED_MOVES,
    HiringError,
    applicant_apply,
    applicant_hire,
    applicant_move,
    applicant_update,
    interview_feedback_record,
    interview_schedule,
    moves_from,
    offer_create,
    offer_set_status,
    opening_save,
    opening_set_status,
)
from hr.services.onboarding import (
    OnboardingError,
    onboarding_start,
    onboarding_task_set_done,
    onboarding_welcome_email,
)

__all__ = [
    "EmployeeError",
    "employee_hire",
    "employee_change",
    "employee_personal_update",
    "employee_dismiss",
    "HiringError",
    "ALLOWED_MOVES",
    "moves_from",
    "opening_save",
    "opening_set_status",
    "applicant_apply",
    "applicant_move",
    "applicant_update",
    "applicant_hire",
    "interview_schedule",
    "interview_feedback_record",
    "offer_create",
    "offer_set_status",
    "OnboardingError",
    "onboarding_start",
    "onboarding_task_set_done",
    "onboarding_welcome_email",
]
