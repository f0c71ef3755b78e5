"""Complaints (grievances): who raised them, who handles them, what came of them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from hr.models.employees import Employee


class Complaint(models.Model):
    class Category(models.TextChoices):
        HARASSMENT = "harassment", _("Harassment")
        PAY = "pay", _("Pay")
        CONDITIONS = "conditions", _("Working conditions")
        CONFLICT = "conflict", _("Conflict")
        ETHICS = "ethics", _("Ethics")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        INVESTIGATING = "investigating", _("Investigating")
        RESOLVED = "resolved", _("Resolved")
        DISMISSED = "dismissed", pgettext_lazy("complaint status", "Dismissed")

    OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.INVESTIGATING)
    CLOSED = (Status.RESOLVED, Status.DISMISSED)

    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="complaints_raised",
        verbose_name=_("raised by"),
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_("Only the HR staff handling the complaint see who raised it."),
    )
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"))
    about = models.ManyToManyField(
        Employee,
        blank=True,
        related_name="complaints_about",
        verbose_name=_("about"),
        help_text=_("The people the complaint is about; they never see it."),
    )
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="complaints_handled",
        verbose_name=_("HR handlers"),
    )
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    acknowledge_by = models.DateField(_("to acknowledge by"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    outcome = models.TextField(
        _("outcome"), blank=True, help_text=_("Told to the person who raised the complaint.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at", "-pk"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        permissions = [
            ("raise_complaint", _("Can raise a complaint and follow their own")),
            ("handle_complaint", _("Can handle the complaints assigned to them")),
            ("manage_all_complaints", _("Can see and handle every complaint")),
        ]
        indexes = [models.Index(fields=["status", "acknowledge_by"])]

    def __str__(self):
        return f"#{self.pk} {self.subject}"

    @classmethod
    def history_visible_to(cls, user):
        """The complaints whose history `user` may read: those they may open."""
        from hr.selectors.complaints import complaints_visible_to

        return complaints_visible_to(user)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class ComplaintNote(models.Model):
    """An internal note of the handlers: never shown to the person who raised it."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="notes", verbose_name=_("complaint")
    )
    author = actor_field(_("author"))
    text = models.TextField(_("note"))
    written_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        ordering = ["written_at", "pk"]
        verbose_name = _("complaint note")
        verbose_name_plural = _("complaint notes")

    def __str__(self):
        return f"{self.complaint_id}: {self.text[:40]}"
