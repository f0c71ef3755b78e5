"""HR forms, one module per subject."""

from hr.forms.employees import (
    EmployeeChangeForm,
    EmployeePersonalForm,
    PositionChoiceField,
)
from hr.forms.policies import PolicyForm, PolicyVersionForm
from hr.forms.training import (
    AssignmentRecordForm,
    CourseForm,
    SessionRecordForm,
    SessionResultFormSet,
    TrainingAssignForm,
    TrainingSessionForm,
)

__all__ = [
    "EmployeePersonalForm",
    "PositionChoiceField",
    "EmployeeChangeForm",
    "CourseForm",
    "AssignmentRecordForm",
    "TrainingSessionForm",
    "TrainingAssignForm",
    "SessionRecordForm",
    "SessionResultFormSet",
    "PolicyForm",
    "PolicyVersionForm",
]
