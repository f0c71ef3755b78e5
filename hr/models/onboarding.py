"""Onboarding: a checklist of tasks for each new employee, made from a template."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backoffice.fields import actor_field


class Responsible(models.TextChoices):
    HR = "hr", _("HR")
    MANAGER = "manager", _("Manager")
    IT = "it", _("IT")
    ACCOUNTING = "accounting", _("Accounting")
    EMPLOYEE = "employee", _("New employee")


class OnboardingTemplate(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    is_default = models.BooleanField(
        _("default"), default=False, help_text=_("Used for every hire unless another is chosen.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("onboarding template")
        verbose_name_plural = _("onboarding templates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="onboarding_one_default_template",
            )
        ]

    def __str__(self):
        return self.name


class OnboardingTemplateTask(models.Model):
    template = models.ForeignKey(
        OnboardingTemplate,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("template"),
    )
    title = models.CharField(_("title"), max_length=200)
    responsible = models.CharField(_("responsible"), max_length=12, choices=Responsible.choices)
    due_days = models.SmallIntegerField(
        _("due (days after the start date)"),
        default=0,
        help_text=_("Negative for tasks done before the first day."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["template", "order", "pk"]
        verbose_name = _("onboarding template task")
        verbose_name_plural = _("onboarding template tasks")

    def __str__(self):
        return self.title


class OnboardingChecklist(models.Model):
    employee = models.OneToOneField(
        "hr.Employee",
        on_delete=models.PROTECT,
        related_name="onboarding",
        verbose_name=_("employee"),
    )
    template = models.ForeignKey(
        OnboardingTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("template"),
    )
    started_by = actor_field(_("started by"), null=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    # Claimed with a conditional UPDATE so the welcome email goes out once.
    welcome_sent_at = models.DateTimeField(_("welcome email sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("onboarding checklist")
        verbose_name_plural = _("onboarding checklists")

    def __str__(self):
        return str(self.employee)


class OnboardingTask(models.Model):
    checklist = models.ForeignKey(
        OnboardingChecklist,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("checklist"),
    )
    title = models.CharField(_("title"), max_length=200)
    responsible = models.CharField(_("responsible"), max_length=12, choices=Responsible.choices)
    due_date = models.DateField(_("due date"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    done_by = actor_field(_("done by"), null=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["checklist", "order", "due_date", "pk"]
        verbose_name = _("onboarding task")
        verbose_name_plural = _("onboarding tasks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done_at__isnull=True, done_by__isnull=True)
                | models.Q(done_at__isnull=False),
                name="onboarding_task_done_by_with_date",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
