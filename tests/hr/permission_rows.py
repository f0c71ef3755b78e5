"""HR's rows of the permission matrix (tests/test_permission_matrix.py)."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hr.models.discipline import DisciplineProposal, OffboardingItem
from hr.models.documents import EmployeeDocument
from hr.models.hiring import Applicant
from hr.models.imports import EmployeeImport
from hr.services import complaints as complaints_services
from hr.services import discipline as discipline_services
from hr.services import dismissals as dismissals_services
from hr.services import documents as documents_services
from hr.services import interviews as interviews_services
from hr.services import onboarding as onboarding_services
from tests.factories import EmployeeFactory
from tests.hr.conftest import make_hiring
from tests.hr.hiring_factories import ApplicantFactory
from tests.permissions import Row, only, public, signed_in

PDF = b"%PDF-1.4\n%test\n"
POLICY_PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def make_objects(role_users) -> dict:
    return (
        _records_objects(role_users)
        | _discipline_objects(role_users)
        | _training_objects(role_users)
        | _hiring_objects(role_users)
    )


def _records_objects(role_users) -> dict:
    employee = role_users["employee"].employee
    document = documents_services.document_upload(
        by=role_users["hr"],
        employee=employee,
        kind=EmployeeDocument.Kind.CONTRACT,
        uploaded_file=SimpleUploadedFile("contract.pdf", PDF),
        issue_date=date(2024, 1, 15),
    )
    batch = EmployeeImport.objects.create(
        uploaded_by=role_users["hr"],
        file_name="people.csv",
        rows=[
            {
                "line": 2,
                "employee_number": "MATRIX-1",
                "first_name": "Ana",
                "last_name": "Matrice",
                "work_email": "",
                "work_phone": "",
                "extension": "",
                "department": employee.department.name,
                "position": employee.position.title,
                "manager_number": "",
                "hire_date": "2026-01-05",
                "status": "",
                "contract_type": "",
                "contract_end_date": "",
                "weekly_hours": "",
                "termination_date": "",
            }
        ],
    )
    return {"employee": employee, "document": document, "import": batch}


# The import belongs to the HR user who uploaded it: the administrator, who


def _discipline_objects(role_users) -> dict:
    hr_user, employee = role_users["hr"], role_users["employee"].employee
    today = timezone.localdate()
    # Raised by the employee about the IT person, handled by HR.
    complaint = complaints_services.complaint_raise(
        by=role_users["employee"],
        category="conflict",
        subject="Shouting",
        description="In the stock room.",
        about=[role_users["it"].employee],
    )
    complaint.handlers.set([hr_user])
    warning = discipline_services.warning_issue(
        by=hr_user,
        employee=employee,
        level="written",
        reason="Late",
        expected_change="On time",
        issued_on=today,
        expires_on=today + timedelta(days=180),
        shared_with_manager=True,
    )
    incident, _proposals = discipline_services.incident_record(
        by=hr_user, employee=employee, occurred_on=today, description="Late again"
    )
    proposal = DisciplineProposal.objects.create(
        employee=employee,
        incident=incident,
        rule_id=1,
        proposes="final_warning",
    )
    case = dismissals_services.dismissal_case_open(
        by=hr_user, employee=employee, reason="Repeated lateness", last_day=today + timedelta(30)
    )
    leaver = EmployeeFactory(hire_date=date(2020, 1, 1))
    dismissals_services.employee_terminate(
        by=hr_user, employee=leaver, kind="resignation", reason="Moving", last_day=today
    )
    return {
        "employee": employee,
        "complaint": complaint,
        "warning": warning,
        "proposal": proposal,
        "dismissal": case,
        "item": OffboardingItem.objects.filter(termination__employee=leaver).first(),
    }


def _training_objects(role_users) -> dict:
    from hr.models.policies import Policy, PolicyVersion
    from hr.models.training import Course, TrainingAssignment, TrainingSession

    employee = role_users["employee"].employee
    course = Course.objects.create(title="Fire safety", duration_hours=2, validity_months=12)
    start = timezone.now() + timedelta(days=7)
    session = TrainingSession.objects.create(
        course=course,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        location="Room 1",
        trainer_name="Outside Trainer",
        capacity=10,
    )
    assignment = TrainingAssignment.objects.create(
        employee=employee, course=course, session=session
    )
    policy = Policy.objects.create(title="Code of conduct", category="conduct")
    current = PolicyVersion(
        policy=policy,
        version=1,
        effective_date=timezone.localdate(),
        text="Be kind.",
        published=True,
        published_at=timezone.now(),
    )
    current.file.save("conduct.pdf", ContentFile(POLICY_PDF), save=False)
    current.save()
    policy.current_version = current
    policy.save()
    draft = PolicyVersion.objects.create(
        policy=policy, version=2, effective_date=timezone.localdate(), text="Be kinder."
    )
    return {
        "employee": employee,
        "course": course,
        "session": session,
        "assignment": assignment,
        "policy": policy,
        "policy_version": current,
        "policy_draft": draft,
    }


def _pk(name):
    return lambda o: {"pk": o[name].pk}


def _hiring_objects(role_users) -> dict:
    hr_user = role_users["hr"]
    objects = make_hiring(role_users)
    at_offer = ApplicantFactory(opening=objects["opening"], stage=Applicant.Stage.OFFER)
    today = timezone.localdate()
    objects["offer"] = interviews_services.offer_create(
        by=hr_user,
        applicant=at_offer,
        salary=Decimal("5000.00"),
        start_date=today + timedelta(days=30),
        contract_type="Permanent",
        expires_on=today + timedelta(days=7),
    )
    checklist = onboarding_services.onboarding_start(
        by=hr_user, employee=role_users["employee"].employee
    )
    objects["checklist"] = checklist
    objects["task"] = checklist.tasks.first()
    return objects


def pk_of(name):
    return lambda o: {"pk": o[name].pk}


HR_ONLY = only("hr", "admin")
HR_POST = only("hr", "admin", ok=302)


# holds every permission, is refused it as someone else's (404).
OWNER_ONLY = only("hr") | {"admin": 404}


HIRING_HR = ("hr", "admin")
# Who takes part in the standing applicant's hiring: HR, the opening's hiring
# manager ("manager") and the interviewer ("employee").
APPLICANT_VIEWERS = only("hr", "admin", "manager", "employee", other=404)

ROWS: dict[str, Row] = {
    "hr:index": Row(only("hr", "admin")),
    "hr:directory": Row(signed_in()),
    "hr:org-chart": Row(signed_in()),
    "hr:employee-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-personal-edit": Row(
        only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-change": Row(only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}),
    "hr:employee-export": Row(only("hr", "admin", ok=302), method="post"),
    "hr:employee-import": Row(only("hr", "admin")),
    "hr:employee-import-preview": Row(OWNER_ONLY, kwargs=lambda o: {"pk": o["import"].pk}),
    "hr:employee-import-confirm": Row(
        only("hr", ok=302) | {"admin": 404},
        kwargs=lambda o: {"pk": o["import"].pk},
        method="post",
    ),
    "hr:document-upload": Row(only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}),
    "hr:document-download": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["document"].pk}
    ),
    "hr:my-documents": Row(signed_in(302)),
    "hr:documents-expiring": Row(only("hr", "admin")),
    # Complaints: the raiser and HR; never the person it is about (it) nor the manager.
    "hr:complaint-list": Row(signed_in()),
    "hr:complaint-create": Row(signed_in()),
    "hr:complaint-export": Row(HR_ONLY),
    "hr:complaint-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=pk_of("complaint")
    ),
    "hr:complaint-transition": Row(HR_POST, kwargs=pk_of("complaint"), method="post"),
    "hr:complaint-note": Row(HR_POST, kwargs=pk_of("complaint"), method="post"),
    "hr:complaint-assign": Row(HR_POST, kwargs=pk_of("complaint"), method="post"),
    # Discipline
    "hr:employee-discipline": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:incident-create": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:warning-create": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:warning-mine": Row(signed_in()),
    "hr:warning-team": Row(only("manager", "admin")),
    "hr:warning-detail": Row(only("hr", "admin", "employee", other=404), kwargs=pk_of("warning")),
    "hr:warning-acknowledge": Row(
        only("hr", "admin", "employee", ok=302, other=404),
        kwargs=pk_of("warning"),
        method="post",
    ),
    "hr:warning-share": Row(HR_POST, kwargs=pk_of("warning"), method="post"),
    "hr:proposal-decline": Row(HR_POST, kwargs=pk_of("proposal"), method="post"),
    # Departures
    "hr:dismissal-create": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:dismissal-team": Row(only("manager", "admin")),
    "hr:dismissal-detail": Row(only("hr", "admin", "manager"), kwargs=pk_of("dismissal")),
    "hr:dismissal-agree-hr": Row(HR_POST, kwargs=pk_of("dismissal"), method="post"),
    "hr:dismissal-agree-manager": Row(
        only("manager", "admin", ok=302), kwargs=pk_of("dismissal"), method="post"
    ),
    "hr:dismissal-withdraw": Row(HR_POST, kwargs=pk_of("dismissal"), method="post"),
    "hr:termination-create": Row(HR_ONLY, kwargs=pk_of("employee")),
    "hr:offboarding-list": Row(HR_ONLY),
    "hr:offboarding-item-done": Row(HR_POST, kwargs=pk_of("item"), method="post"),
    # Training
    "hr:training-mine": Row(signed_in()),
    "hr:training-team": Row(only("manager", "admin")),
    "hr:course-list": Row(HR_ONLY),
    "hr:course-create": Row(HR_ONLY),
    "hr:course-detail": Row(HR_ONLY, kwargs=_pk("course")),
    "hr:course-edit": Row(HR_ONLY, kwargs=_pk("course")),
    "hr:course-assign": Row(HR_ONLY, kwargs=_pk("course")),
    "hr:session-create": Row(HR_ONLY, kwargs=_pk("course")),
    "hr:session-record": Row(only("hr", "admin", other=404), kwargs=_pk("session")),
    "hr:assignment-list": Row(HR_ONLY),
    "hr:assignment-detail": Row(
        only("hr", "admin", "employee", "manager", other=404), kwargs=_pk("assignment")
    ),
    "hr:assignment-record": Row(HR_ONLY, kwargs=_pk("assignment")),
    "hr:assignment-cancel": Row(
        only("hr", "admin", ok=302), kwargs=_pk("assignment"), method="post"
    ),
    # Policies
    "hr:policy-mine": Row(signed_in()),
    "hr:policy-list": Row(HR_ONLY),
    "hr:policy-create": Row(HR_ONLY),
    "hr:policy-detail": Row(HR_ONLY, kwargs=_pk("policy")),
    "hr:policy-version-create": Row(HR_ONLY, kwargs=_pk("policy")),
    "hr:policy-version-detail": Row(signed_in(), kwargs=_pk("policy_version")),
    "hr:policy-version-file": Row(signed_in(), kwargs=_pk("policy_version")),
    "hr:policy-acknowledge": Row(signed_in(ok=302), kwargs=_pk("policy_version"), method="post"),
    "hr:policy-version-publish": Row(
        only("hr", "admin", ok=302), kwargs=_pk("policy_draft"), method="post"
    ),
    "hr:policy-version-acknowledgements": Row(HR_ONLY, kwargs=_pk("policy_version")),
    "hr:policy-version-remind": Row(
        only("hr", "admin", ok=302), kwargs=_pk("policy_version"), method="post"
    ),
    # Hiring
    "careers:list": Row(public()),
    "careers:apply": Row(public(), kwargs=_pk("opening")),
    "hr:opening-list": Row(only(*HIRING_HR)),
    "hr:opening-create": Row(only(*HIRING_HR)),
    "hr:opening-detail": Row(only(*HIRING_HR), kwargs=_pk("opening")),
    "hr:opening-edit": Row(only(*HIRING_HR), kwargs=_pk("opening")),
    "hr:opening-status": Row(only(*HIRING_HR, ok=302), kwargs=_pk("opening"), method="post"),
    "hr:applicant-list": Row(only(*HIRING_HR)),
    "hr:applicant-board": Row(only(*HIRING_HR)),
    "hr:applicant-create": Row(only(*HIRING_HR)),
    "hr:applicant-detail": Row(APPLICANT_VIEWERS, kwargs=_pk("applicant")),
    "hr:applicant-edit": Row(only(*HIRING_HR), kwargs=_pk("applicant")),
    "hr:applicant-cv": Row(APPLICANT_VIEWERS, kwargs=_pk("applicant")),
    "hr:applicant-move": Row(only(*HIRING_HR, ok=302), kwargs=_pk("applicant"), method="post"),
    "hr:interview-create": Row(only(*HIRING_HR), kwargs=_pk("applicant")),
    # Only the interviewer gives feedback; not even HR writes it for them.
    "hr:interview-feedback": Row(only("employee", other=404), kwargs=_pk("interview")),
    "hr:offer-create": Row(only(*HIRING_HR), kwargs=_pk("applicant")),
    "hr:offer-status": Row(only(*HIRING_HR, ok=302), kwargs=_pk("offer"), method="post"),
    "hr:applicant-hire": Row(only(*HIRING_HR), kwargs=_pk("applicant")),
    "hr:my-hiring": Row(signed_in()),
    "hr:onboarding-list": Row(only(*HIRING_HR)),
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
