"""Change requests: a planned change to a system, with what it should improve and by how
much, approved by two people (the IT lead and the system's business owner), scheduled,
implemented and reviewed against the expected outcome."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from it_support.models.inventory import Equipment, System


class ChangeRequest(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        SCHEDULED = "scheduled", _("Scheduled")
        IMPLEMENTED = "implemented", _("Implemented")
        REVIEWED = "reviewed", _("Reviewed")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")

    class Risk(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    title = models.CharField(_("what"), max_length=160)
    system = models.ForeignKey(
        System, on_delete=models.PROTECT, related_name="changes", verbose_name=_("system")
    )
    equipment = models.ForeignKey(
        Equipment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="changes",
        verbose_name=_("equipment"),
    )
    description = models.TextField(_("the change"), max_length=10000)
    reason = models.TextField(_("why"), max_length=5000)
    metric = models.CharField(
        _("measure of the benefit"),
        max_length=120,
        help_text=_("What is measured, with its unit: 'checkout time (seconds)'."),
    )
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    risk = models.CharField(_("risk"), max_length=10, choices=Risk.choices)
    risk_notes = models.TextField(_("what could go wrong"), blank=True, max_length=5000)
    rollback_plan = models.TextField(_("rollback plan"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    requested_by = actor_field(_("requested by"))
    submitted_by = actor_field(_("submitted by"), null=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    it_approved_by = actor_field(_("approved by the IT lead"), null=True)
    it_approved_at = models.DateTimeField(_("approved by IT at"), null=True, blank=True)
    owner_approved_by = actor_field(_("approved by the business owner"), null=True)
    owner_approved_at = models.DateTimeField(_("approved by the owner at"), null=True, blank=True)
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    scheduled_by = actor_field(_("scheduled by"), null=True)
    scheduled_at = models.DateTimeField(_("scheduled at"), null=True, blank=True)
    implemented_by = actor_field(_("implemented by"), null=True)
    implemented_at = models.DateTimeField(_("implemented at"), null=True, blank=True)
    reviewed_by = actor_field(_("reviewed by"), null=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    outcome = models.DecimalField(
        _("measured outcome"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    outcome_notes = models.TextField(_("review notes"), blank=True, max_length=5000)
    closed_by = actor_field(_("closed by"), null=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        permissions = [("lead_it", _("Approve changes as the IT lead"))]
        constraints = [
            # The service refuses it first; the table keeps it true whatever writes.
            models.CheckConstraint(
                condition=Q(it_approved_by__isnull=True)
                | Q(owner_approved_by__isnull=True)
                | ~Q(it_approved_by=models.F("owner_approved_by")),
                name="it_change_two_approvers",
            ),
            models.CheckConstraint(
                condition=~Q(status="reviewed") | Q(outcome__isnull=False),
                name="it_change_reviewed_has_outcome",
            ),
        ]
        indexes = [models.Index(fields=["status", "-created_at"], name="it_change_status_idx")]

    def __str__(self):
        return self.title

    @property
    def lower_is_better(self) -> bool:
        return self.target < self.baseline

    @property
    def outcome_met(self) -> bool | None:
        if self.outcome is None:
            return None
        if self.lower_is_better:
            return self.outcome <= self.target
        return self.outcome >= self.target

    def change_percent(self, value):
        """How far `value` moves from the baseline, in percent (None from a zero baseline)."""
        if value is None or not self.baseline:
            return None
        return (value - self.baseline) * 100 / self.baseline
