"""HR forms, one module per subject."""

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
    "DocumentUploadForm",
    "EmployeeChangeForm",
    "EmployeeImportForm",
    "EmployeePersonalForm",
    "OrgChartFilterForm",
    "PositionChoiceField",
]
