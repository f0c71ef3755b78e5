"""Incidents, warnings, escalation, dismissal cases, terminations and offboarding."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from hr.models.employees import Employee


class Incident(models.Model):
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("employee")
    )
    occurred_on = models.DateField(_("date"))
    description = models.TextField(_("description"))
    reported_by = models.ForeignKey(
        Employee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incidents_reported",
        verbose_name=_("reported by"),
    )
    recorded_by = actor_field(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self):
        return f"{self.employee} {self.occurred_on}"


class WarningQuerySet(models.QuerySet):
    def active(self, on: date | None = None):
        """Warnings that still count: their expiry date is after `on` (today)."""
        return self.filter(expires_on__gt=on or timezone.localdate())

    def with_is_active(self, on: date | None = None):
        on = on or timezone.localdate()
        return self.annotate(
            is_active=models.Case(
                models.When(expires_on__gt=on, then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )


class Warning(models.Model):
    class Level(models.TextChoices):
        VERBAL = "verbal", _("Verbal")
        WRITTEN = "written", _("Written")
        FINAL = "final", _("Final")

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="warnings", verbose_name=_("employee")
    )
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    reason = models.TextField(_("reason"))
    expected_change = models.TextField(_("expected change"))
    issued_on = models.DateField(_("issue date"))
    expires_on = models.DateField(_("expiry date"))
    incidents = models.ManyToManyField(
        Incident, blank=True, related_name="warnings", verbose_name=_("incidents")
    )
    shared_with_manager = models.BooleanField(
        _("shared with the manager"),
        default=False,
        help_text=_("The manager then sees the level and dates, never the details."),
    )
    issued_by = actor_field(_("issued by"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    history = HistoricalRecords()
    objects = WarningQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("warning")
        verbose_name_plural = _("warnings")
        permissions = [
            ("acknowledge_warning", _("Can see and acknowledge their own warnings")),
            ("view_team_warning", _("Can see the warnings HR shared about their team")),
        ]
        indexes = [models.Index(fields=["employee", "expires_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")),
                name="warning_expires_after_issue",
            )
        ]

    def __str__(self):
        return f"{self.get_level_display()} — {self.employee} ({self.issued_on})"

    @property
    def is_expired(self) -> bool:
        return self.expires_on <= timezone.localdate()


class EscalationRule(models.Model):
    """When recording an incident, a rule that holds proposes the next step to HR."""

    class Condition(models.TextChoices):
        FINAL_ACTIVE = "final_active", _("A final warning is active")
        WRITTEN_COUNT = "written_count", _("At least N written warnings are active")

    class Proposal(models.TextChoices):
        FINAL_WARNING = "final_warning", _("Issue a final warning")
        DISMISSAL = "dismissal", _("Open a dismissal case")

    name = models.CharField(_("name"), max_length=120)
    condition = models.CharField(_("condition"), max_length=16, choices=Condition.choices)
    threshold = models.PositiveSmallIntegerField(
        _("N"), default=1, help_text=_("How many active warnings the condition needs.")
    )
    proposes = models.CharField(_("proposes"), max_length=16, choices=Proposal.choices)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("escalation rule")
        verbose_name_plural = _("escalation rules")
        constraints = [
            models.CheckConstraint(condition=Q(threshold__gte=1), name="escalation_threshold_min")
        ]

    def __str__(self):
        return self.name


class DisciplineProposal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACTED_ON = "acted_on", _("Acted on")
        DECLINED = "declined", _("Declined")

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("employee")
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("incident")
    )
    rule = models.ForeignKey(
        EscalationRule, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("rule")
    )
    proposes = models.CharField(
        _("proposes"), max_length=16, choices=EscalationRule.Proposal.choices
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    decided_by = actor_field(_("decided by"), null=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("discipline proposal")
        verbose_name_plural = _("discipline proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "proposes"],
                condition=Q(status="open"),
                name="one_open_proposal_per_step",
            )
        ]

    def __str__(self):
        return f"{self.employee}: {self.get_proposes_display()}"


class Termination(models.Model):
    """How and when an employee leaves; its offboarding checklist hangs on it."""

    class Kind(models.TextChoices):
        DISMISSAL = "dismissal", _("Dismissal")
        RESIGNATION = "resignation", _("Resignation")
        END_OF_CONTRACT = "end_of_contract", _("End of contract")
        MUTUAL_AGREEMENT = "mutual_agreement", _("Mutual agreement")
        RETIREMENT = "retirement", _("Retirement")

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="terminations", verbose_name=_("employee")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    last_day = models.DateField(_("last working day"))
    recorded_by = actor_field(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-last_day", "-pk"]
        verbose_name = _("termination")
        verbose_name_plural = _("terminations")

    def __str__(self):
        return f"{self.employee}: {self.get_kind_display()} ({self.last_day})"


class DismissalCase(models.Model):
    """A dismissal that needs HR and the employee's manager to agree, two people."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", _("Awaiting agreement")
        COMPLETED = "completed", pgettext_lazy("dismissal case status", "Dismissed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="dismissal_cases",
        verbose_name=_("employee"),
    )
    manager = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("manager"),
        help_text=_("The manager whose agreement the case needs."),
    )
    reason = models.TextField(_("reason"))
    last_day = models.DateField(_("last working day"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.AWAITING, db_index=True
    )
    opened_by = actor_field(_("opened by"))
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    hr_agreed_by = actor_field(_("HR agreed"), null=True)
    hr_agreed_at = models.DateTimeField(_("HR agreed at"), null=True, blank=True)
    manager_agreed_by = actor_field(_("manager agreed"), null=True)
    manager_agreed_at = models.DateTimeField(_("manager agreed at"), null=True, blank=True)
    termination = models.OneToOneField(
        Termination,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dismissal_case",
        verbose_name=_("termination"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("dismissal case")
        verbose_name_plural = _("dismissal cases")
        permissions = [
            ("agree_dismissalcase", _("Can agree to dismissing a member of their team")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=Q(status="awaiting"),
                name="one_open_dismissal_case_per_employee",
            ),
            models.CheckConstraint(
                condition=Q(hr_agreed_by__isnull=True)
                | Q(manager_agreed_by__isnull=True)
                | ~Q(hr_agreed_by=models.F("manager_agreed_by")),
                name="dismissal_two_different_people",
            ),
        ]

    def __str__(self):
        return _("Dismissal of %(name)s") % {"name": self.employee}


class OffboardingItem(models.Model):
    class Task(models.TextChoices):
        EQUIPMENT = "equipment", _("Return equipment")
        ACCESS = "access", _("Revoke access")
        FINAL_PAY = "final_pay", _("Final pay")
        EXIT_INTERVIEW = "exit_interview", _("Exit interview")

    class Department(models.TextChoices):
        IT = "it", _("IT")
        PAYROLL = "payroll", _("Payroll / accounting")
        HR = "hr", _("HR")

    # Each task and the department that owns it; the checklist of every termination.
    # HR ticks its own items; the others are ticked when their department reports
    # them done (the `offboarding_item_done` event).
    CHECKLIST = [
        (Task.EQUIPMENT, Department.IT),
        (Task.ACCESS, Department.IT),
        (Task.FINAL_PAY, Department.PAYROLL),
        (Task.EXIT_INTERVIEW, Department.HR),
    ]
    OWNER = dict(CHECKLIST)

    termination = models.ForeignKey(
        Termination, on_delete=models.CASCADE, related_name="items", verbose_name=_("termination")
    )
    task = models.CharField(_("task"), max_length=16, choices=Task.choices)
    department = models.CharField(_("responsible"), max_length=8, choices=Department.choices)
    done_by = actor_field(_("done by"), null=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["termination", "pk"]
        verbose_name = _("offboarding item")
        verbose_name_plural = _("offboarding items")
        constraints = [
            models.UniqueConstraint(fields=["termination", "task"], name="offboarding_task_once"),
            models.CheckConstraint(
                condition=Q(task="equipment", department="it")
                | Q(task="access", department="it")
                | Q(task="final_pay", department="payroll")
                | Q(task="exit_interview", department="hr"),
                name="offboarding_task_owned_by_its_department",
            ),
        ]

    def __str__(self):
        return f"{self.termination.employee}: {self.get_task_display()}"

    @property
    def is_hrs_own(self) -> bool:
        """HR ticks this item itself; any other is ticked by its department's report."""
        return self.department == self.Department.HR
