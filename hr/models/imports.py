import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

IMPORT_LIFETIME = timedelta(hours=2)


def import_expiry():
    return timezone.now() + IMPORT_LIFETIME


class EmployeeImport(models.Model):
    """An uploaded employee file held between its preview and its confirmation.

    The parsed rows live here, owned by the uploader, so confirming imports
    exactly what was previewed; nothing is re-read from the browser.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        IMPORTED = "imported", _("Imported")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    file_name = models.CharField(_("file name"), max_length=200)
    rows = models.JSONField(_("rows"), default=list, blank=True)
    errors = models.JSONField(
        _("errors"),
        default=dict,
        blank=True,
        help_text=_("Problems of the whole file under 'file', of each row under its number."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), default=import_expiry)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    imported_count = models.PositiveIntegerField(_("people imported"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("employee import")
        verbose_name_plural = _("employee imports")
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_clean(self) -> bool:
        return bool(self.rows) and not self.errors

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
