"""Writes of training: courses, sessions and assignments.

Results live in `training_results`, the daily reminders in `training_reminders`.
"""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from backoffice.errors import DomainError, clean_or_raise
from hr.models.employees import Department, Employee, Position
from hr.models.training import Course, TrainingAssignment, TrainingSession

NEW_HIRE_DAYS_TO_COMPLETE = 30
Status = TrainingAssignment.Status


class TrainingError(DomainError):
    pass


def _check_course_numbers(*, duration_hours, validity_months) -> None:
    if duration_hours is None or duration_hours <= 0:
        raise TrainingError(_("The duration must be more than zero hours."))
    if validity_months is not None and validity_months < 1:
        raise TrainingError(
            _("The validity is at least one month; leave it blank if the course never expires.")
        )


@transaction.atomic
def course_create(
    *,
    by,
    title: str,
    duration_hours,
    description: str = "",
    validity_months: int | None = None,
    mandatory_for_all: bool = False,
    mandatory_positions=(),
    is_active: bool = True,
) -> Course:
    _check_course_numbers(duration_hours=duration_hours, validity_months=validity_months)
    course = Course(
        title=title,
        description=description,
        duration_hours=duration_hours,
        validity_months=validity_months,
        mandatory_for_all=mandatory_for_all,
        is_active=is_active,
    )
    clean_or_raise(course, error=TrainingError)
    course.save()
    course.mandatory_positions.set(mandatory_positions)
    return course


COURSE_FIELDS = (
    "title",
    "description",
    "duration_hours",
    "validity_months",
    "mandatory_for_all",
    "is_active",
)


@transaction.atomic
def course_update(*, by, course: Course, mandatory_positions=None, **fields) -> Course:
    """Change a course. A new validity changes every expiry date (they are computed)."""
    course = Course.objects.select_for_update().get(pk=course.pk)
    unknown = set(fields) - set(COURSE_FIELDS)
    if unknown:
        raise TrainingError(_("Unknown course fields: %(names)s") % {"names": sorted(unknown)})
    for name, value in fields.items():
        setattr(course, name, value)
    _check_course_numbers(
        duration_hours=course.duration_hours, validity_months=course.validity_months
    )
    clean_or_raise(course, error=TrainingError)
    course.save()
    if mandatory_positions is not None:
        course.mandatory_positions.set(mandatory_positions)
    return course


@transaction.atomic
def training_session_create(
    *,
    by,
    course: Course,
    starts_at: datetime,
    ends_at: datetime,
    location: str,
    capacity: int,
    trainer: Employee | None = None,
    trainer_name: str = "",
) -> TrainingSession:
    if ends_at <= starts_at:
        raise TrainingError(_("A session must end after it starts."))
    if trainer is None and not trainer_name.strip():
        raise TrainingError(_("Name the trainer: one of our employees or an external one."))
    if capacity is None or capacity < 1:
        raise TrainingError(_("A session has room for at least one person."))
    session = TrainingSession(
        course=course,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        capacity=capacity,
        trainer=trainer,
        trainer_name=trainer_name.strip(),
    )
    clean_or_raise(session, error=TrainingError)
    session.save()
    return session


def open_assignment(employee_ref, course) -> Exists:
    """Whether the employee has an assignment of the course still to do."""
    return Exists(
        TrainingAssignment.objects.filter(
            employee=employee_ref, course=course, status=Status.ASSIGNED
        )
    )


@transaction.atomic
def training_assign(
    *,
    by,
    course: Course,
    employees: QuerySet[Employee],
    due_date: date | None = None,
    session: TrainingSession | None = None,
) -> int:
    """Assign the course to every current employee in `employees` who has no open
    assignment of it, in one INSERT; returns how many were assigned."""
    if not course.is_active:
        raise TrainingError(_("%(course)s is no longer offered.") % {"course": course})
    if session is not None and session.course_id != course.pk:
        raise TrainingError(_("The session is of another course."))
    if due_date is not None and due_date < timezone.localdate():
        raise TrainingError(_("The due date is in the past."))
    targets = list(
        employees.filter(status__in=Employee.CURRENT)
        .exclude(open_assignment(OuterRef("pk"), course))
        .values_list("pk", flat=True)
    )
    if session is not None:
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
        taken = session.assignments.exclude(status=Status.CANCELLED).count()
        if taken + len(targets) > session.capacity:
            raise TrainingError(
                _("The session has %(free)d free places; %(asked)d people were asked for.")
                % {"free": max(session.capacity - taken, 0), "asked": len(targets)}
            )
    now = timezone.now()
    rows = [
        TrainingAssignment(
            employee_id=pk,
            course=course,
            session=session,
            assigned_by=by,
            assigned_at=now,
            due_date=due_date,
        )
        for pk in targets
    ]
    try:
        with transaction.atomic():
            bulk_create_with_history(rows, TrainingAssignment, batch_size=1000, default_user=by)
    except IntegrityError as exc:
        raise TrainingError(
            _("Someone assigned this course at the same moment; please try again.")
        ) from exc
    return len(rows)


def employees_for_target(
    *,
    target: str,
    employee: Employee | None = None,
    position: Position | None = None,
    department: Department | None = None,
) -> QuerySet[Employee]:
    employees = Employee.objects.all()
    if target == "employee" and employee is not None:
        return employees.filter(pk=employee.pk)
    if target == "position" and position is not None:
        return employees.filter(position=position)
    if target == "department" and department is not None:
        return employees.filter(department=department)
    if target == "everyone":
        return employees
    raise TrainingError(_("Choose who takes the course."))


@transaction.atomic
def training_assign_mandatory(*, by, employee: Employee) -> int:
    """Give a (new) employee the courses everyone, and their position, must take."""
    courses = (
        Course.objects.filter(is_active=True)
        .filter(Q(mandatory_for_all=True) | Q(mandatory_positions=employee.position_id))
        .exclude(open_assignment(employee, OuterRef("pk")))
        .distinct()
    )
    start = max(employee.hire_date, timezone.localdate())
    rows = [
        TrainingAssignment(
            employee=employee,
            course=course,
            assigned_by=by,
            due_date=start + timedelta(days=NEW_HIRE_DAYS_TO_COMPLETE),
        )
        for course in courses
    ]
    bulk_create_with_history(rows, TrainingAssignment, default_user=by)
    return len(rows)
