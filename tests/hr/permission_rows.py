"""HR's rows of the permission matrix (tests/test_permission_matrix.py)."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from tests.permissions import Row, only, signed_in

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def make_objects(role_users) -> dict:
    from hr.models import Course, Policy, PolicyVersion, TrainingAssignment, TrainingSession

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
    current.file.save("conduct.pdf", ContentFile(PDF), save=False)
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


HR_ONLY = only("hr", "admin")

ROWS: dict[str, Row] = {
    "hr:index": Row(HR_ONLY),
    "hr:directory": Row(signed_in()),
    "hr:employee-detail": Row(
        only("hr", "admin", "employee", other=404), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-personal-edit": Row(
        only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}
    ),
    "hr:employee-change": Row(only("hr", "admin"), kwargs=lambda o: {"pk": o["employee"].pk}),
    "hr:employee-export": Row(only("hr", "admin", ok=302), method="post"),
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
}
