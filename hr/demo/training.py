"""The demo company's training and policies, for `seed_demo`.

Idempotent: courses, sessions and policies are looked up by name before they
are created, and an employee gets a demo assignment of a course (or an
acknowledgement of a version) only when they have none yet; the rows are
written with one bulk insert each.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from hr.models.employees import Employee, Position
from hr.models.policies import Policy, PolicyAcknowledgement, PolicyVersion
from hr.models.training import Course, TrainingAssignment, TrainingSession

# title: (hours, validity in months or None, mandatory for all, mandatory position titles)
COURSES = {
    "Workplace health and safety": (Decimal("4"), 12, True, []),
    "Code of conduct induction": (Decimal("1.5"), None, True, []),
    "Forklift operation": (Decimal("16"), 24, False, ["Forklift Driver", "Storekeeper"]),
    "Cash handling": (Decimal("3"), 36, False, ["Cashier", "Store Manager"]),
    "Customer service": (Decimal("6"), None, False, []),
}

POLICIES = {
    "Code of conduct": (
        Policy.Category.CONDUCT,
        [
            "Treat colleagues and customers with respect. Report conflicts of interest.",
            "Treat colleagues and customers with respect. Report conflicts of interest, "
            "gifts above 100 lei and any harassment you see to HR.",
        ],
    ),
    "IT acceptable use": (
        Policy.Category.IT_USE,
        ["Keep your password to yourself, lock your screen, install nothing unapproved."],
    ),
}


def seed_training_demo() -> dict:
    today = timezone.localdate()
    courses = _courses()
    _sessions(courses, today)
    assigned = _assignments(courses, today)
    acknowledged = _policies(today)
    return {"assignments": assigned, "acknowledgements": acknowledged}


def _courses() -> dict[str, Course]:
    courses = {}
    for title, (hours, validity, for_all, positions) in COURSES.items():
        course, created = Course.objects.get_or_create(
            title=title,
            defaults={
                "duration_hours": hours,
                "validity_months": validity,
                "mandatory_for_all": for_all,
                "description": f"{title}: the company's course.",
            },
        )
        if created and positions:
            course.mandatory_positions.set(Position.objects.filter(title__in=positions))
        courses[title] = course
    return courses


def _sessions(courses, today) -> None:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    trainer = Employee.objects.filter(user__username="hr").first()
    plans = [
        ("Workplace health and safety", now - timedelta(days=14), "Training room A"),
        ("Workplace health and safety", now + timedelta(days=10), "Training room B"),
        ("Forklift operation", now + timedelta(days=21), "Warehouse yard"),
    ]
    for title, start, location in plans:
        course = courses[title]
        if course.sessions.filter(location=location).exists():
            continue
        TrainingSession.objects.create(
            course=course,
            starts_at=start,
            ends_at=start + timedelta(hours=float(course.duration_hours)),
            location=location,
            trainer=trainer if title != "Forklift operation" else None,
            trainer_name="" if title != "Forklift operation" else "Stivuitor Expert SRL",
            capacity=15,
        )


def _assignment(employee, course, index, today) -> TrainingAssignment:
    """A spread of states: overdue, due soon, expiring soon and done."""
    row = TrainingAssignment(employee=employee, course=course)
    kind = index % 5
    if kind == 0:
        row.due_date = today - timedelta(days=10 + index % 7)
    elif kind == 1:
        row.due_date = today + timedelta(days=20)
    else:
        if kind == 2 and course.validity_months:
            done = today - timedelta(days=course.validity_months * 30 - 15)
        else:
            done = today - timedelta(days=60 + index)
        row.status = TrainingAssignment.Status.COMPLETED
        row.completed_on = done
        row.due_date = done
        row.result = TrainingAssignment.Result.PASS
        row.score = Decimal(70 + index % 30)
    return row


def _assignments(courses, today) -> int:
    employees = list(
        Employee.objects.filter(status__in=Employee.CURRENT)
        .select_related("position")
        .order_by("employee_number")
    )
    done = set(TrainingAssignment.objects.values_list("employee_id", "course_id"))
    mandatory_by_position = {}
    for course in courses.values():
        for position_id in course.mandatory_positions.values_list("pk", flat=True):
            mandatory_by_position.setdefault(position_id, []).append(course)
    for_all = [c for c in courses.values() if c.mandatory_for_all]
    rows = []
    for index, employee in enumerate(employees):
        for offset, course in enumerate(
            for_all + mandatory_by_position.get(employee.position_id, [])
        ):
            if (employee.pk, course.pk) not in done:
                rows.append(_assignment(employee, course, index + offset, today))
    bulk_create_with_history(rows, TrainingAssignment, batch_size=1000)
    return len(rows)


def _policies(today) -> int:
    employees = list(
        Employee.objects.filter(status__in=Employee.CURRENT)
        .select_related("user")
        .order_by("employee_number")
    )
    existing = set(PolicyAcknowledgement.objects.values_list("employee_id", "version_id"))
    rows = []
    for title, (category, texts) in POLICIES.items():
        policy, _created = Policy.objects.get_or_create(
            title=title, defaults={"category": category}
        )
        version = None
        for number, text in enumerate(texts, start=1):
            version, _created = PolicyVersion.objects.get_or_create(
                policy=policy,
                version=number,
                defaults={
                    "text": text,
                    "effective_date": today - timedelta(days=400 - 380 * (number - 1)),
                    "published": True,
                    "published_at": timezone.now(),
                },
            )
        if policy.current_version_id != version.pk:
            policy.current_version = version
            policy.save(update_fields=["current_version"])
        for index, employee in enumerate(employees):
            # About half have read the current version; the demo employee has not.
            waiting = index % 2 == 1 or (employee.user and employee.user.username == "employee")
            if not waiting and (employee.pk, version.pk) not in existing:
                rows.append(PolicyAcknowledgement(employee=employee, version=version))
    PolicyAcknowledgement.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
