"""Training: courses, their sessions and who must take them."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from hr.models.employees import Employee, Position


class Course(models.Model):
    title = models.CharField(_("title"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    duration_hours = models.DecimalField(
        _("duration (hours)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Leave blank when the training never expires."),
    )
    mandatory_for_all = models.BooleanField(_("mandatory for everyone"), default=False)
    mandatory_positions = models.ManyToManyField(
        Position,
        blank=True,
        related_name="mandatory_courses",
        verbose_name=_("mandatory for positions"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_hours__gt=0),
                name="course_duration_positive",
                violation_error_message=_("The duration must be more than zero hours."),
            ),
            models.CheckConstraint(
                condition=Q(validity_months__isnull=True) | Q(validity_months__gte=1),
                name="course_validity_at_least_a_month",
                violation_error_message=_(
                    "The validity is at least one month; "
                    "leave it blank if the course never expires."
                ),
            ),
        ]

    def __str__(self):
        return self.title


class TrainingSession(models.Model):
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("course")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=200)
    trainer = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions_trained",
        verbose_name=_("trainer"),
    )
    trainer_name = models.CharField(
        _("external trainer"),
        max_length=200,
        blank=True,
        help_text=_("When the trainer is not one of our employees."),
    )
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="session_capacity_positive",
                violation_error_message=_("A session has room for at least one person."),
            ),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at).strftime("%Y-%m-%d %H:%M")
        return f"{self.course} · {start}"

    @property
    def trainer_display(self) -> str:
        return self.trainer.full_name if self.trainer_id else self.trainer_name


class TrainingAssignment(models.Model):
    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        COMPLETED = "completed", _("Completed")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    class Result(models.TextChoices):
        PASS = "pass", _("Pass")
        FAIL = "fail", _("Fail")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="training_assignments",
        verbose_name=_("employee"),
    )
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("course")
    )
    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("session"),
    )
    assigned_by = actor_field(_("assigned by"), null=True)
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ASSIGNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=4, choices=Result.choices, blank=True)
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    notes = models.TextField(_("notes"), blank=True)
    # When the daily reminder went out, so a second run sends nothing new.
    overdue_reminded_on = models.DateField(_("overdue reminder sent"), null=True, blank=True)
    expiry_reminded_on = models.DateField(_("expiry reminder sent"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-assigned_at", "-pk"]
        verbose_name = _("training assignment")
        verbose_name_plural = _("training assignments")
        permissions = [("view_own_training", _("Can see their own training"))]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["course", "completed_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "course"],
                condition=Q(status="assigned"),
                name="training_one_open_assignment_per_course",
                violation_error_message=_(
                    "This person already has an open assignment of this course."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="assigned")
                | Q(status="cancelled")
                | Q(completed_on__isnull=False),
                name="training_finished_has_date",
                violation_error_message=_("A finished training needs its completion date."),
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="training_score_in_range",
                violation_error_message=_("The score is between 0 and 100."),
            ),
        ]

    def __str__(self):
        return f"{self.employee} · {self.course}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.ASSIGNED
