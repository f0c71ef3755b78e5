"""HR tables, one module per subject."""

from hr.models.employees import (
    Department,
    Employee,
    EmployeePersonal,
    EmploymentChange,
    Position,
)
from hr.models.hiring import (
    Applicant,
    ApplicantStageChange,
    Interview,
    InterviewFeedback,
    JobOpening,
    Offer,
)
from hr.models.onboarding import (
    OnboardingChecklist,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateTask,
    Responsible,
)

__all__ = [
    "Department",
    "Position",
    "Employee",
    "EmployeePersonal",
    "EmploymentChange",
    "JobOpening",
    "Applicant",
    "ApplicantStageChange",
    "Interview",
    "InterviewFeedback",
    "Offer",
    "Responsible",
    "OnboardingTemplate",
    "OnboardingTemplateTask",
    "OnboardingChecklist",
    "OnboardingTask",
]
