"""Reads of training, limited to what the asking user may see."""

from datetime import date, timedelta

from django.db import models
from django.db.models import Exists, F, Func, OuterRef, Q, QuerySet
from django.utils import timezone

from hr.models.employees import Employee
from hr.models.training import Course, TrainingAssignment, TrainingSession

EXPIRY_WARNING_DAYS = 30


class AddMonths(Func):
    """`date + n months` in SQL; NULL months (a course that never expires) gives NULL."""

    arity = 2
    output_field = models.DateField()

    def as_sql(self, compiler, connection, **extra_context):
        day, day_params = compiler.compile(self.source_expressions[0])
        months, months_params = compiler.compile(self.source_expressions[1])
        sql = f"CAST({day} + make_interval(months => {months}) AS date)"
        return sql, (*day_params, *months_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        day, day_params = compiler.compile(self.source_expressions[0])
        months, months_params = compiler.compile(self.source_expressions[1])
        return f"date({day}, '+' || {months} || ' months')", (*day_params, *months_params)


def assignments() -> QuerySet[TrainingAssignment]:
    """Assignments with `expires_on` (completion + the course's validity) computed in SQL."""
    return TrainingAssignment.objects.select_related("employee", "course", "session").annotate(
        expires_on=AddMonths(F("completed_on"), F("course__validity_months")),
    )


def _superseded() -> Exists:
    """A later completion of the same course by the same person replaces this one."""
    return Exists(
        TrainingAssignment.objects.filter(
            employee=OuterRef("employee"),
            course=OuterRef("course"),
            status=TrainingAssignment.Status.COMPLETED,
            completed_on__gt=OuterRef("completed_on"),
        )
    )


def assignments_overdue(today: date | None = None) -> QuerySet[TrainingAssignment]:
    today = today or timezone.localdate()
    return assignments().filter(
        status=TrainingAssignment.Status.ASSIGNED,
        due_date__lt=today,
        employee__status__in=Employee.CURRENT,
    )


def assignments_expiring(today: date | None = None) -> QuerySet[TrainingAssignment]:
    """Current certificates that run out within the next 30 days (or ran out today)."""
    today = today or timezone.localdate()
    return (
        assignments()
        .filter(
            status=TrainingAssignment.Status.COMPLETED,
            employee__status__in=Employee.CURRENT,
            expires_on__gte=today,
            expires_on__lte=today + timedelta(days=EXPIRY_WARNING_DAYS),
        )
        .exclude(_superseded())
    )


def training_dashboard(today: date | None = None) -> dict:
    return {
        "overdue": assignments_overdue(today).count(),
        "expiring": assignments_expiring(today).count(),
    }


def training_of(employee: Employee | None) -> QuerySet[TrainingAssignment]:
    if employee is None:
        return TrainingAssignment.objects.none()
    return assignments().filter(employee=employee)


def assignments_visible_to(user) -> QuerySet[TrainingAssignment]:
    """HR sees every assignment; a manager their team's; anyone else only their own."""
    if not user.is_authenticated:
        return TrainingAssignment.objects.none()
    if user.has_perm("hr.view_trainingassignment"):
        return assignments()
    rule = Q(employee__user=user)
    if user.has_perm("hr.view_team"):
        rule |= Q(employee__manager__user=user)
    return assignments().filter(rule)


def team_training(user) -> QuerySet[TrainingAssignment]:
    """The training of the people who report to this manager."""
    return (
        assignments()
        .filter(employee__manager__user=user, employee__status__in=Employee.CURRENT)
        .exclude(status=TrainingAssignment.Status.CANCELLED)
        .order_by("employee__last_name", "employee__first_name", "course__title")
    )


def sessions_recordable_by(user) -> QuerySet[TrainingSession]:
    """HR may record any session's results; a trainer the sessions they gave."""
    sessions = TrainingSession.objects.select_related("course", "trainer")
    if not user.is_authenticated:
        return sessions.none()
    if user.has_perm("hr.change_trainingassignment"):
        return sessions
    return sessions.filter(trainer__user=user)


def mandatory_courses_for(employee: Employee) -> QuerySet[Course]:
    return (
        Course.objects.filter(is_active=True)
        .filter(Q(mandatory_for_all=True) | Q(mandatory_positions=employee.position_id))
        .distinct()
    )
