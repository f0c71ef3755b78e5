"""HR forms, one module per subject."""

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

__all__ = [
    "EmployeePersonalForm",
    "PositionChoiceField",
    "EmployeeChangeForm",
    "CareersApplicationForm",
    "ApplicantForm",
    "ApplicantEditForm",
    "OpeningForm",
    "OpeningStatusForm",
    "ApplicantMoveForm",
    "InterviewForm",
    "FeedbackForm",
    "OfferForm",
    "OfferStatusForm",
    "HireForm",
    "TaskDoneForm",
]
