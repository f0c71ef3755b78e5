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
from hr.forms.records import (
    DocumentUploadForm,
    EmployeeImportForm,
    OrgChartFilterForm,
)

__all__ = [
    "ComplaintAssignForm",
    "ComplaintForm",
    "ComplaintNoteForm",
    "ComplaintTransitionForm",
    "DismissalCaseForm",
    "DocumentUploadForm",
    "EmployeeChangeForm",
    "EmployeeImportForm",
    "EmployeePersonalForm",
    "IncidentForm",
    "OrgChartFilterForm",
    "PositionChoiceField",
    "TerminationForm",
    "WarningForm",
]
