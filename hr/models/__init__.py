"""HR tables, one module per subject."""

from hr.models.complaints import (
    Complaint,
    ComplaintNote,
)
from hr.models.discipline import (
    DisciplineProposal,
    DismissalCase,
    EscalationRule,
    Incident,
    OffboardingItem,
    Termination,
    Warning,
    WarningQuerySet,
)
from hr.models.documents import (
    DocumentExpiryNotice,
    EmployeeDocument,
    document_upload_to,
)
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
    cv_upload_to,
)
from hr.models.imports import (
    EmployeeImport,
    import_expiry,
)
from hr.models.onboarding import (
    OnboardingChecklist,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateTask,
    Responsible,
)
from hr.models.policies import (
    Policy,
    PolicyAcknowledgement,
    PolicyVersion,
    policy_upload_to,
)
from hr.models.training import (
    Course,
    TrainingAssignment,
    TrainingSession,
)

__all__ = [
    "Applicant",
    "ApplicantStageChange",
    "Complaint",
    "ComplaintNote",
    "Course",
    "Department",
    "DisciplineProposal",
    "DismissalCase",
    "DocumentExpiryNotice",
    "Employee",
    "EmployeeDocument",
    "EmployeeImport",
    "EmployeePersonal",
    "EmploymentChange",
    "EscalationRule",
    "Incident",
    "Interview",
    "InterviewFeedback",
    "JobOpening",
    "OffboardingItem",
    "Offer",
    "OnboardingChecklist",
    "OnboardingTask",
    "OnboardingTemplate",
    "OnboardingTemplateTask",
    "Policy",
    "PolicyAcknowledgement",
    "PolicyVersion",
    "Position",
    "Responsible",
    "Termination",
    "TrainingAssignment",
    "TrainingSession",
    "Warning",
    "WarningQuerySet",
    "cv_upload_to",
    "document_upload_to",
    "import_expiry",
    "policy_upload_to",
]
