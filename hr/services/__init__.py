"""Every HR write that matters, one module per subject."""

from hr.services.complaints import (
    ComplaintError,
    complaint_assign,
    complaint_note_add,
    complaint_raise,
    complaint_transition,
)
from hr.services.discipline import (
    DisciplineError,
    dismissal_case_agree,
    dismissal_case_open,
    dismissal_case_withdraw,
    employee_terminate,
    employees_deactivate_departed,
    escalation_evaluate,
    escalation_rules_ensure_defaults,
    incident_record,
    offboarding_item_done,
    proposal_decline,
    warning_acknowledge,
    warning_issue,
    warning_share,
)
from hr.services.employees import (
    EmployeeError,
    employee_change,
    employee_dismiss,
    employee_hire,
    employee_personal_update,
)

__all__ = [
    "EmployeeError",
    "employee_hire",
    "employee_change",
    "employee_personal_update",
    "employee_dismiss",
    "ComplaintError",
    "complaint_raise",
    "complaint_assign",
    "complaint_transition",
    "complaint_note_add",
    "DisciplineError",
    "incident_record",
    "escalation_evaluate",
    "escalation_rules_ensure_defaults",
    "proposal_decline",
    "warning_issue",
    "warning_acknowledge",
    "warning_share",
    "dismissal_case_open",
    "dismissal_case_agree",
    "dismissal_case_withdraw",
    "employee_terminate",
    "offboarding_item_done",
    "employees_deactivate_departed",
]
