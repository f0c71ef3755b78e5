"""Maintenance plans (back up the database daily, update the register software monthly),
the log of each time the work was done, and the reminders of overdue plans."""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from it_support.models.inventory import Equipment, System


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")


MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due_after(done_on: date, frequency: str) -> date:
    """The day the work is due again (a month after 31 January is the end of February)."""
    if frequency == Frequency.DAILY:
        return done_on + timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        return done_on + timedelta(weeks=1)
    return _add_months(done_on, MONTHS[Frequency(frequency)])


class MaintenancePlan(models.Model):
    title = models.CharField(_("what"), max_length=160)
    system = models.ForeignKey(
        System,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="maintenance_plans",
        verbose_name=_("system"),
    )
    equipment = models.ForeignKey(
        Equipment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="maintenance_plans",
        verbose_name=_("equipment"),
    )
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="it_maintenance_plans",
        verbose_name=_("owner"),
    )
    instructions = models.TextField(_("instructions"), blank=True, max_length=5000)
    next_due_on = models.DateField(
        _("next due"), help_text=_("Set from the last time it was done.")
    )
    last_done_on = models.DateField(_("last done"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["next_due_on", "title"]
        verbose_name = _("maintenance plan")
        verbose_name_plural = _("maintenance plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(system__isnull=False) | Q(equipment__isnull=False),
                name="it_maintenance_plan_has_subject",
            )
        ]
        indexes = [models.Index(fields=["active", "next_due_on"], name="it_maint_due_idx")]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.active and self.next_due_on < timezone.localdate()


class MaintenanceLog(models.Model):
    """One time the work of a plan was done."""

    plan = models.ForeignKey(
        MaintenancePlan, on_delete=models.CASCADE, related_name="logs", verbose_name=_("plan")
    )
    done_on = models.DateField(_("done on"))
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("done by"),
    )
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-done_on", "-pk"]
        verbose_name = _("maintenance log entry")
        verbose_name_plural = _("maintenance log")

    def __str__(self):
        return f"{self.plan} {self.done_on}"


class MaintenanceReminder(models.Model):
    """Remembers that an overdue plan was reminded for one due date, so it is told once."""

    plan = models.ForeignKey(
        MaintenancePlan, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("plan")
    )
    due_on = models.DateField(_("due on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("maintenance reminder")
        verbose_name_plural = _("maintenance reminders")
        constraints = [
            models.UniqueConstraint(fields=["plan", "due_on"], name="it_maint_reminder_once")
        ]

    def __str__(self):
        return f"{self.plan} {self.due_on}"
