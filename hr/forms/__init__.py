"""HR forms, one module per subject."""

from hr.forms.employees import (
    EmployeeChangeForm,
    EmployeePersonalForm,
    PositionChoiceField,
)

__all__ = [
    "EmployeePersonalForm",
    "PositionChoiceField",
    "EmployeeChangeForm",
]
