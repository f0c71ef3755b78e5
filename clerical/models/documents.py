"""Cabinets, folders and the documents filed in them, with their versions and access log.

Who sees what (`clerical.selectors.documents.documents_visible_to`): a cabinet
belongs to a department. Its staff always see it. Holders of
`clerical.view_document` (the clerk role) see every cabinet that is not
confidential; a confidential cabinet is the department's alone unless it says
`clerks_may_see`. Nobody else, administrators included, finds it in the app.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from backoffice.uploads import KINDS
from hr.models.employees import Department


class Cabinet(models.Model):
    name = models.CharField(_("name"), max_length=120)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="cabinets", verbose_name=_("department")
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Only the department's staff see a confidential cabinet."),
    )
    clerks_may_see = models.BooleanField(
        _("clerks may see"),
        default=False,
        help_text=_("Lets the clerks see this confidential cabinet too."),
    )
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cabinet")
        verbose_name_plural = _("cabinets")
        constraints = [
            models.UniqueConstraint(fields=["department", "name"], name="clerical_cabinet_name")
        ]

    def __str__(self):
        return self.name


class Folder(models.Model):
    cabinet = models.ForeignKey(
        Cabinet, on_delete=models.PROTECT, related_name="folders", verbose_name=_("cabinet")
    )
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["cabinet__name", "name"]
        verbose_name = _("folder")
        verbose_name_plural = _("folders")
        constraints = [
            models.UniqueConstraint(fields=["cabinet", "name"], name="clerical_folder_name")
        ]

    def __str__(self):
        return f"{self.cabinet.name} / {self.name}"


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class Document(models.Model):
    class Type(models.TextChoices):
        LETTER = "letter", _("Letter")
        CONTRACT = "contract", _("Contract")
        INVOICE = "invoice", _("Invoice")
        DECISION = "decision", _("Decision")
        REPORT = "report", _("Report")
        FORM = "form", _("Form")
        OTHER = "other", _("Other")

    folder = models.ForeignKey(
        Folder, on_delete=models.PROTECT, related_name="documents", verbose_name=_("folder")
    )
    title = models.CharField(_("title"), max_length=200)
    document_type = models.CharField(
        _("document type"), max_length=12, choices=Type.choices, default=Type.OTHER
    )
    date = models.DateField(_("date"), null=True, blank=True)
    correspondent = models.CharField(_("correspondent"), max_length=200, blank=True)
    reference = models.CharField(_("reference number"), max_length=60, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="documents", verbose_name=_("tags"))
    keep_until = models.DateField(_("keep until"), null=True, blank=True, db_index=True)
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )
    # The current version's text, kept here so search reads one table.
    content = models.TextField(_("text"), blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    created_by = actor_field(_("filed by"))
    created_at = models.DateTimeField(_("filed at"), default=timezone.now)

    history = HistoricalRecords(excluded_fields=["content", "search_vector"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [GinIndex(fields=["search_vector"], name="clerical_document_search")]

    def __str__(self):
        return self.title


def _version_upload_to(instance, filename: str) -> str:
    # The service names the file with backoffice.uploads.private_name.
    return filename


class DocumentVersion(models.Model):
    class Text(models.TextChoices):
        PENDING = "pending", _("Waiting for extraction")
        RUNNING = "running", _("Being extracted")
        DONE = "done", _("Extracted")
        FAILED = "failed", _("Extraction failed")

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=_version_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=12, choices=[(k, v.label) for k, v in KINDS.items()]
    )
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_by = actor_field(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    text_status = models.CharField(
        _("text"), max_length=8, choices=Text.choices, default=Text.PENDING, db_index=True
    )
    text = models.TextField(_("extracted text"), blank=True)
    text_error = models.CharField(_("extraction error"), max_length=300, blank=True)
    extraction_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True)
    pages_ocr = models.PositiveIntegerField(_("pages read by OCR"), default=0)
    ocr_seconds = models.FloatField(_("OCR time (s)"), default=0)
    thumbnail = models.FileField(_("thumbnail"), upload_to=_version_upload_to, blank=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="clerical_version_once")
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"

    @property
    def file_kind(self):
        return KINDS[self.kind]


class DocumentAccess(models.Model):
    """Who opened or downloaded a document of a confidential cabinet."""

    class Action(models.TextChoices):
        OPEN = "open", _("Opened")
        DOWNLOAD = "download", _("Downloaded")

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="accesses", verbose_name=_("document")
    )
    user = actor_field(_("user"))
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    version = models.PositiveIntegerField(_("version"), null=True, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("document access")
        verbose_name_plural = _("document accesses")
        indexes = [models.Index(fields=["document", "-at"], name="clerical_access_document")]

    def __str__(self):
        return f"{self.user} {self.action} {self.document}"
