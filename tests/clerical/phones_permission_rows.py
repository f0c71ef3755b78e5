"""Rows of the permission matrix for the clerical office's phones, calls, messages and
office requests (tests/test_permission_matrix.py)."""

from clerical.models.phones import Call
from tests.clerical.factories import CallFactory, OfficeRequestFactory, PhoneMessageFactory
from tests.permissions import Row, only, signed_in

CLERKS = ("clerk", "admin")


def make_objects(role_users) -> dict:
    employee = role_users["employee"].employee
    call = CallFactory(taken_by=role_users["clerk"], for_employee=employee)
    return {
        "phone_employee": employee,
        "call": call,
        "answered_call": CallFactory(
            taken_by=role_users["clerk"], for_employee=employee, status=Call.Status.ANSWERED
        ),
        # For the employee, taken by the clerk: seen by both and admin (a clerk), nobody else.
        "phone_message": PhoneMessageFactory(recipient=employee, taken_by=role_users["clerk"]),
        "office_request": OfficeRequestFactory(requested_by=role_users["employee"]),
    }


def _call(o):
    return {"pk": o["call"].pk}


ROWS: dict[str, Row] = {
    "clerical:phone-directory": Row(signed_in()),
    "clerical:presence-mine": Row(signed_in()),
    "clerical:presence-edit": Row(only(*CLERKS), kwargs=lambda o: {"pk": o["phone_employee"].pk}),
    "clerical:call-log": Row(only(*CLERKS)),
    "clerical:employee-search": Row(only(*CLERKS)),
    "clerical:calls-by-department": Row(only(*CLERKS)),
    "clerical:call-detail": Row(only(*CLERKS), kwargs=_call),
    "clerical:call-transfer": Row(only(*CLERKS, ok=302), kwargs=_call, method="post"),
    "clerical:call-answer": Row(only(*CLERKS, ok=302), kwargs=_call, method="post"),
    # An empty message form is shown again with its errors (400) to those allowed.
    "clerical:call-message": Row(only(*CLERKS, ok=400), kwargs=_call, method="post"),
    "clerical:message-list": Row(signed_in()),
    "clerical:message-detail": Row(
        only("employee", *CLERKS, other=404), kwargs=lambda o: {"pk": o["phone_message"].pk}
    ),
    "clerical:message-done": Row(
        only("employee", *CLERKS, ok=302, other=404),
        kwargs=lambda o: {"pk": o["phone_message"].pk},
        method="post",
    ),
    "clerical:request-list": Row(signed_in()),
    "clerical:request-create": Row(signed_in()),
    "clerical:request-queue": Row(only(*CLERKS)),
    "clerical:request-detail": Row(
        only("employee", *CLERKS, other=404), kwargs=lambda o: {"pk": o["office_request"].pk}
    ),
    "clerical:request-start": Row(
        only(*CLERKS, ok=302), kwargs=lambda o: {"pk": o["office_request"].pk}, method="post"
    ),
    "clerical:request-done": Row(
        only(*CLERKS, ok=302), kwargs=lambda o: {"pk": o["office_request"].pk}, method="post"
    ),
    "clerical:request-cancel": Row(
        only("employee", *CLERKS, ok=302, other=404),
        kwargs=lambda o: {"pk": o["office_request"].pk},
        method="post",
    ),
}
