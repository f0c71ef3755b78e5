"""HR forms, one module per subject."""

from hr.forms.complaints import (
    ComplaintAssignForm,
    ComplaintForm,
    ComplaintNoteForm,
    ComplaintTransitionForm,
)
from hr.forms.discipline import (
    DismissalCaseForm,
    IncidentForm,
    TerminationForm,
    WarningForm,
)
from hr.forms.employees import (
    EmployeeChangeForm,
    EmployeePersonalForm,
    PositionChoiceField,
)
from hr.forms.hiring import (
    ApplicantEditForm,
    ApplicantForm,
    ApplicantMoveForm,
    CareersApplicationForm,
    FeedbackForm,
    HireForm,
    InterviewForm,
    OfferForm,
    OfferStatusForm,
    OpeningForm,
    OpeningStatusForm,
    TaskDoneForm,
)
from hr.forms.policies import (
    PolicyForm,
    PolicyVersionForm,
)
from hr.forms.records import (
    DocumentUploadForm,
    EmployeeImportForm,
    OrgChartFilterForm,
)
from hr.forms.training import (
    AssignmentRecordForm,
    CourseForm,
    DateTimeLocalInput,
    PositionsField,
    SessionRecordForm,
    SessionResultForm,
    SessionResultFormSet,
    TrainingAssignForm,
    TrainingSessionForm,
)

__all__ = [
    "ApplicantEditForm",
    "ApplicantForm",
    "ApplicantMoveForm",
    "AssignmentRecordForm",
    "CareersApplicationForm",
    "ComplaintAssignForm",
    "ComplaintForm",
    "ComplaintNoteForm",
    "ComplaintTransitionForm",
    "CourseForm",
    "DateTimeLocalInput",
    "DismissalCaseForm",
    "DocumentUploadForm",
    "EmployeeChangeForm",
    "EmployeeImportForm",
    "EmployeePersonalForm",
    "FeedbackForm",
    "HireForm",
    "IncidentForm",
    "InterviewForm",
    "OfferForm",
    "OfferStatusForm",
    "OpeningForm",
    "OpeningStatusForm",
    "OrgChartFilterForm",
    "PolicyForm",
    "PolicyVersionForm",
    "PositionChoiceField",
    "PositionsField",
    "SessionRecordForm",
    "SessionResultForm",
    "SessionResultFormSet",
    "TaskDoneForm",
    "TerminationForm",
    "TrainingAssignForm",
    "TrainingSessionForm",
    "WarningForm",
]
