"""Office requests: staff ask the clerical team for copies, scans, post and supplies."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field


class OfficeRequest(models.Model):
    class Kind(models.TextChoices):
        COPIES = "copies", _("Copies")
        SCAN = "scan", _("Scan")
        POST = "post", _("Post to send")
        SUPPLIES = "supplies", _("Supplies")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN = (Status.SUBMITTED, Status.IN_PROGRESS)

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    description = models.TextField(_("what is needed"))
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    requested_by = actor_field(_("requested by"))
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    started_by = actor_field(_("started by"), null=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    done_by = actor_field(_("done by"), null=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    note = models.CharField(_("note from the clerical team"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("office request")
        verbose_name_plural = _("office requests")
        indexes = [models.Index(fields=["status", "requested_at"])]
        permissions = [("work_officerequest", _("Can work the office request queue"))]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
