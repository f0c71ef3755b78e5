import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from hr.models.employees import Employee


def document_upload_to(instance, filename: str) -> str:
    # A random name: the stored path never reveals whose document it is, and
    # the file is only ever served by `hr.views.document_download`.
    extension = EmployeeDocument.EXTENSIONS.get(instance.content_type, "bin")
    return f"hr/documents/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class EmployeeDocument(models.Model):
    """A contract, ID copy, permit or certificate on file for an employee.

    Seen by HR and the employee only (`hr.selectors.documents_visible_to`);
    ID copies are personal data and need `hr.view_employeepersonal` as well.
    """

    class Kind(models.TextChoices):
        CONTRACT = "contract", _("Contract")
        ID_COPY = "id_copy", _("ID copy")
        WORK_PERMIT = "work_permit", _("Work permit")
        CERTIFICATE = "certificate", _("Certificate")
        OTHER = "other", _("Other")

    EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("employee"),
    )
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, db_index=True)
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    issue_date = models.DateField(_("issue date"))
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True, db_index=True)
    uploaded_by = actor_field(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["employee", "kind", "-issue_date"]
        verbose_name = _("employee document")
        verbose_name_plural = _("employee documents")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expiry_date__isnull=True)
                | models.Q(expiry_date__gt=models.F("issue_date")),
                name="employee_document_expires_after_issue",
                violation_error_message=_("The expiry date must be after the issue date."),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.employee}"


class DocumentExpiryNotice(models.Model):
    """Remembers that the expiry of a document was announced at a threshold.

    One row per document, threshold and expiry date: the daily task inserts
    it before notifying, so a second run (or a second worker) sends nothing.
    A document given a new expiry date is announced again.
    """

    document = models.ForeignKey(
        EmployeeDocument,
        on_delete=models.CASCADE,
        related_name="expiry_notices",
        verbose_name=_("document"),
    )
    threshold_days = models.PositiveSmallIntegerField(_("days before expiry"))
    expiry_date = models.DateField(_("expiry date"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("document expiry notice")
        verbose_name_plural = _("document expiry notices")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "threshold_days", "expiry_date"],
                name="document_expiry_notice_once",
            )
        ]

    def __str__(self):
        return f"{self.document} ({self.threshold_days})"
