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

__all__ = [
    "EmployeePersonalForm",
    "PositionChoiceField",
    "EmployeeChangeForm",
    "ComplaintForm",
    "ComplaintTransitionForm",
    "ComplaintNoteForm",
    "ComplaintAssignForm",
    "IncidentForm",
    "WarningForm",
    "DismissalCaseForm",
    "TerminationForm",
]
