"""Daily takings of the front office's cash registers, imported from CSV.

An upload is parsed once into a `TakingsImport`: its clean rows and every
error found, kept on the server (never trusted back from the browser) until
the uploader confirms or discards it. Confirming posts one balanced revenue
entry per register and day; the entry's source key makes a second import of
the same day and register impossible.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field


class TakingsImport(models.Model):
    class Status(models.TextChoices):
        PREVIEW = "preview", _("Waiting for confirmation")
        IMPORTED = "imported", _("Imported")
        DISCARDED = "discarded", _("Discarded")

    filename = models.CharField(_("file"), max_length=255)
    uploaded_by = actor_field(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREVIEW
    )
    rows = models.JSONField(_("rows"), default=list)
    errors = models.JSONField(_("errors"), default=list)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    entries = models.PositiveIntegerField(_("entries posted"), default=0)
    # Who confirmed or discarded the file; the parsed rows stay out of it.
    history = HistoricalRecords(excluded_fields=["rows", "errors"])

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("takings import")
        verbose_name_plural = _("takings imports")

    def __str__(self):
        return f"{self.filename} ({self.uploaded_at:%Y-%m-%d %H:%M})"

    @property
    def is_clean(self) -> bool:
        return not self.errors and bool(self.rows)
