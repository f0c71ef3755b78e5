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
from hr.models.imports import (
    EmployeeImport,
    import_expiry,
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
    "OffboardingItem",
    "Policy",
    "PolicyAcknowledgement",
    "PolicyVersion",
    "Position",
    "Termination",
    "TrainingAssignment",
    "TrainingSession",
    "Warning",
    "WarningQuerySet",
    "document_upload_to",
    "import_expiry",
    "policy_upload_to",
]
