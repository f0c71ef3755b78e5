"""HR's rows of the permission matrix (tests/test_permission_matrix.py)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from hr import services
from hr.models import Applicant
from tests.hr.conftest import make_hiring
from tests.hr.factories import ApplicantFactory
from tests.permissions import Row, only, public, signed_in

HR_ONLY = ("hr", "admin")


def make_objects(role_users) -> dict:
    hr_user = role_users["hr"]
    objects = make_hiring(role_users)
    at_offer = ApplicantFactory(opening=objects["opening"], stage=Applicant.Stage.OFFER)
    today = timezone.localdate()
    objects["offer"] = services.offer_create(
        by=hr_user,
        applicant=at_offer,
        salary=Decimal("5000.00"),
        start_date=today + timedelta(days=30),
        contract_type="Permanent",
        expires_on=today + timedelta(days=7),
    )
    checklist = services.onboarding_start(by=hr_user, employee=role_users["employee"].employee)
    objects["checklist"] = checklist
    objects["task"] = checklist.tasks.first()
    return objects | {"employee": role_users["employee"].employee}


def _pk(key):
    return lambda o: {"pk": o[key].pk}


# Who takes part in the standing applicant's hiring: HR, the opening's hiring
# manager ("manager") and the interviewer ("employee").
APPLICANT_VIEWERS = only("hr", "admin", "manager", "employee", other=404)

ROWS: dict[str, Row] = {
    "hr:index": Row(only(*HR_ONLY)),
    "hr:directory": Row(signed_in()),
    "hr:employee-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-personal-edit": Row(
        only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-change": Row(only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}),
    "hr:employee-export": Row(only("hr", "admin", ok=302), method="post"),
    # Hiring
    "careers:list": Row(public()),
    "careers:apply": Row(public(), kwargs=_pk("opening")),
    "hr:opening-list": Row(only(*HR_ONLY)),
    "hr:opening-create": Row(only(*HR_ONLY)),
    "hr:opening-detail": Row(only(*HR_ONLY), kwargs=_pk("opening")),
    "hr:opening-edit": Row(only(*HR_ONLY), kwargs=_pk("opening")),
    "hr:opening-status": Row(only(*HR_ONLY, ok=302), kwargs=_pk("opening"), method="post"),
    "hr:applicant-list": Row(only(*HR_ONLY)),
    "hr:applicant-board": Row(only(*HR_ONLY)),
    "hr:applicant-create": Row(only(*HR_ONLY)),
    "hr:applicant-detail": Row(APPLICANT_VIEWERS, kwargs=_pk("applicant")),
    "hr:applicant-edit": Row(only(*HR_ONLY), kwargs=_pk("applicant")),
    "hr:applicant-cv": Row(APPLICANT_VIEWERS, kwargs=_pk("applicant")),
    "hr:applicant-move": Row(only(*HR_ONLY, ok=302), kwargs=_pk("applicant"), method="post"),
    "hr:interview-create": Row(only(*HR_ONLY), kwargs=_pk("applicant")),
    # Only the interviewer gives feedback; not even HR writes it for them.
    "hr:interview-feedback": Row(only("employee", other=404), kwargs=_pk("interview")),
    "hr:offer-create": Row(only(*HR_ONLY), kwargs=_pk("applicant")),
    "hr:offer-status": Row(only(*HR_ONLY, ok=302), kwargs=_pk("offer"), method="post"),
    "hr:applicant-hire": Row(only(*HR_ONLY), kwargs=_pk("applicant")),
    "hr:my-hiring": Row(signed_in()),
    "hr:onboarding-list": Row(only(*HR_ONLY)),
    # The new employee ("employee") reads it, their manager and HR tick tasks.
    "hr:onboarding-detail": Row(
        only("hr", "admin", "manager", "employee", other=404), kwargs=_pk("checklist")
    ),
    "hr:onboarding-task-done": Row(
        only("hr", "admin", "manager", ok=302, other=404) | {"employee": 403},
        kwargs=_pk("task"),
        method="post",
    ),
}
