"""Clerical's cards on the home page: my phone messages, and the documents desk for clerks."""

from backoffice.registry import home_panel
from clerical.selectors.documents import documents_desk
from clerical.selectors.phones import calls_today_for, messages_open_for
from hr.selectors.employees import employee_for_user

PREVIEW = 5


@home_panel("clerical.messages", template="clerical/partials/home_messages.html", order=15)
def messages_panel(user) -> dict | None:
    employee = getattr(user, "_home_employee", None) or employee_for_user(user)
    if employee is None:
        return None
    messages = messages_open_for(user)
    return {
        "messages": list(messages[:PREVIEW]),
        "open_count": messages.count(),
        "calls_today": calls_today_for(employee).count(),
    }


@home_panel(
    "clerical.documents",
    template="clerical/documents/partials/home_documents.html",
    order=35,
    permission="clerical.add_document",
)
def documents_panel(user) -> dict:
    return documents_desk(user)
