"""Writes of training: courses, sessions, assignments, results and reminders."""

from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from backoffice.errors import DomainError
from backoffice.models import Notification
from backoffice.services import notification_send
from hr.models.employees import Department, Employee, Position
from hr.models.training import Course, TrainingAssignment, TrainingSession
from hr.selectors.training import EXPIRY_WARNING_DAYS, assignments_expiring, assignments_overdue

User = get_user_model()

NEW_HIRE_DAYS_TO_COMPLETE = 30
Status = TrainingAssignment.Status
ABSENT = "absent"


class TrainingError(DomainError):
    pass


def _full_clean(obj, **kwargs) -> None:
    """Model validation as a domain error, so views show one clear message."""
    try:
        obj.full_clean(**kwargs)
    except ValidationError as exc:
        messages = [str(m) for m in exc.messages]
        raise TrainingError(" ".join(messages)) from exc


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
    _full_clean(course)
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
    _full_clean(course)
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
    _full_clean(session)
    session.save()
    return session


def _open_assignment(employee_ref, course) -> Exists:
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
        .exclude(_open_assignment(OuterRef("pk"), course))
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
def training_session_record(
    *, by, session: TrainingSession, results: list[dict], completed_on: date | None = None
) -> int:
    """Record the results of a session's attendees in one go.

    Each entry has `assignment_id`, `outcome` ("pass", "fail", "absent" or ""
    for not recorded), `score` and `notes`. An absent attendee stays assigned
    but leaves the session. Only the session's open assignments are
    touched; anything wrong refuses the whole form.
    """
    completed_on = completed_on or timezone.localtime(session.ends_at).date()
    if completed_on < timezone.localtime(session.starts_at).date():
        raise TrainingError(_("The results cannot be dated before the session."))
    if completed_on > timezone.localdate():
        raise TrainingError(_("The results cannot be dated in the future."))
    wanted = {row["assignment_id"]: row for row in results if row.get("outcome")}
    assignments = (
        TrainingAssignment.objects.select_for_update()
        .filter(session=session, status=Status.ASSIGNED, pk__in=wanted)
        .select_related("course")
    )
    recorded = 0
    for assignment in assignments:
        row = wanted[assignment.pk]
        if row["outcome"] == ABSENT:
            # Still to be trained: off this session, free to book on another.
            assignment.session = None
            assignment.notes = row.get("notes", "")
            assignment._history_user = by
            assignment.save(update_fields=["session", "notes"])
            recorded += 1
            continue
        _record_result(
            assignment,
            by=by,
            outcome=row["outcome"],
            score=row.get("score"),
            notes=row.get("notes", ""),
            completed_on=completed_on,
        )
        recorded += 1
    return recorded


def _record_result(assignment, *, by, outcome, score, notes, completed_on) -> None:
    if outcome not in TrainingAssignment.Result.values:
        raise TrainingError(_("Choose whether the training was passed or failed."))
    passed = outcome == TrainingAssignment.Result.PASS
    assignment.status = Status.COMPLETED if passed else Status.FAILED
    assignment.result = outcome
    assignment.score = score
    assignment.notes = notes
    assignment.completed_on = completed_on
    _full_clean(assignment)
    assignment._history_user = by
    assignment.save()


@transaction.atomic
def training_assignment_record(
    *,
    by,
    assignment: TrainingAssignment,
    outcome: str,
    completed_on: date,
    score=None,
    notes: str = "",
) -> TrainingAssignment:
    """Record the result of one assignment (training taken outside a session)."""
    assignment = TrainingAssignment.objects.select_for_update().get(pk=assignment.pk)
    if not assignment.is_open:
        raise TrainingError(_("This assignment is already closed."))
    if completed_on > timezone.localdate():
        raise TrainingError(_("The results cannot be dated in the future."))
    _record_result(
        assignment, by=by, outcome=outcome, score=score, notes=notes, completed_on=completed_on
    )
    return assignment


@transaction.atomic
def training_assignment_cancel(*, by, assignment: TrainingAssignment) -> TrainingAssignment:
    assignment = TrainingAssignment.objects.select_for_update().get(pk=assignment.pk)
    if not assignment.is_open:
        raise TrainingError(_("This assignment is already closed."))
    assignment.status = Status.CANCELLED
    assignment._history_user = by
    assignment.save(update_fields=["status"])
    return assignment


@transaction.atomic
def training_assign_mandatory(*, by, employee: Employee) -> int:
    """Give a (new) employee the courses everyone, and their position, must take."""
    courses = (
        Course.objects.filter(is_active=True)
        .filter(Q(mandatory_for_all=True) | Q(mandatory_positions=employee.position_id))
        .exclude(_open_assignment(employee, OuterRef("pk")))
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


def _notify_people(*, employee_ids: set[int], title: str, url: str, level: str) -> int:
    users = User.objects.filter(employee__pk__in=employee_ids, is_active=True)
    return len(
        notification_send(
            recipients=users, title=title, url=url, level=level, source="hr.training", email=True
        )
    )


@transaction.atomic
def training_reminders_send(*, today: date | None = None) -> dict:
    """The daily round: remind people of overdue and soon-expiring training and
    re-assign the mandatory courses whose certificate runs out.

    Each assignment is reminded once (claimed with a conditional UPDATE), and a
    course is re-assigned only to people with no open assignment of it, so a
    second run the same day sends and creates nothing.
    """
    today = today or timezone.localdate()
    my_training = reverse("hr:training-mine")

    overdue_ids = list(
        assignments_overdue(today)
        .filter(overdue_reminded_on__isnull=True)
        .select_for_update(of=("self",), skip_locked=True)
        .values_list("pk", flat=True)
    )
    TrainingAssignment.objects.filter(pk__in=overdue_ids, overdue_reminded_on__isnull=True).update(
        overdue_reminded_on=today
    )
    overdue_people = set(
        TrainingAssignment.objects.filter(pk__in=overdue_ids).values_list("employee_id", flat=True)
    )

    expiring = assignments_expiring(today)
    expiring_ids = list(
        expiring.filter(expiry_reminded_on__isnull=True)
        .select_for_update(of=("self",), skip_locked=True)
        .values_list("pk", flat=True)
    )
    TrainingAssignment.objects.filter(pk__in=expiring_ids, expiry_reminded_on__isnull=True).update(
        expiry_reminded_on=today
    )
    expiring_rows = TrainingAssignment.objects.filter(pk__in=expiring_ids)
    expiring_people = set(expiring_rows.values_list("employee_id", flat=True))

    renewals = _renew_mandatory(expiring, today=today)

    reminded = _notify_people(
        employee_ids=overdue_people,
        title=_("You have overdue training to complete"),
        url=my_training,
        level=Notification.Level.WARNING,
    )
    reminded += _notify_people(
        employee_ids=expiring_people,
        title=_("A training certificate of yours expires within %(days)d days")
        % {"days": EXPIRY_WARNING_DAYS},
        url=my_training,
        level=Notification.Level.INFO,
    )
    return {
        "overdue": len(overdue_ids),
        "expiring": len(expiring_ids),
        "renewed": renewals,
        "notifications": reminded,
    }


def _renew_mandatory(expiring: QuerySet[TrainingAssignment], *, today: date) -> int:
    """New open assignments, due when the certificate expires, for mandatory courses."""
    mandatory = Course.objects.filter(pk=OuterRef("course_id"), is_active=True).filter(
        Q(mandatory_for_all=True) | Q(mandatory_positions=OuterRef("employee__position_id"))
    )
    due = list(
        expiring.filter(Exists(mandatory))
        .exclude(_open_assignment(OuterRef("employee_id"), OuterRef("course_id")))
        .values_list("employee_id", "course_id", "expires_on")
        .distinct()
    )
    rows = [
        TrainingAssignment(employee_id=employee_id, course_id=course_id, due_date=expires_on)
        for employee_id, course_id, expires_on in due
    ]
    bulk_create_with_history(rows, TrainingAssignment, batch_size=1000)
    return len(rows)
