import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    """Holds the permissions that open a department's pages.

    No table: it exists so that the area permissions have a content type and
    can be granted to groups like any model permission.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("access_hr", _("Can open the HR department")),
            ("access_accounting", _("Can open the accounting department")),
            ("access_it", _("Can open the IT department")),
            ("access_clerical", _("Can open the clerical department")),
            ("view_dashboard", _("Can read the management dashboards")),
        ]

    def __str__(self):
        return "area"


class Job(models.Model):
    """A piece of long work run by a Celery worker, with its progress and result."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    FINISHED = (Status.SUCCEEDED, Status.FAILED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=80, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="jobs",
        verbose_name=_("requested by"),
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    result = models.JSONField(_("result"), default=dict, blank=True)
    result_file = models.FileField(_("result file"), upload_to="jobs/%Y/%m/", blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # A chunked job's finishing step ran (once, whoever did the last chunk).
    chunks_finished_at = models.DateTimeField(_("chunks finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        indexes = [models.Index(fields=["requested_by", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")) | models.Q(total=0),
                name="job_done_not_over_total",
            )
        ]

    def __str__(self):
        return f"{self.label} ({self.get_status_display()})"

    @property
    def label(self) -> str:
        """The kind's name for people, in their language."""
        from backoffice.jobs import job_kind

        registered = job_kind(self.kind)
        return str(registered.label) if registered else self.kind

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.done * 100 / self.total))


class JobChunk(models.Model):
    """A slice of a chunked job's items (ids), done by one worker at a time.

    Made once per job by its first run; `done` is set in the same transaction
    as the chunk's work (or right after it, for work that leaves the database
    as it goes). See backoffice/jobs.py.
    """

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="chunks", verbose_name=_("job")
    )
    index = models.PositiveIntegerField(_("index"))
    items = models.JSONField(_("items"), default=list)
    done = models.BooleanField(_("done"), default=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["job", "index"]
        verbose_name = _("job chunk")
        verbose_name_plural = _("job chunks")
        constraints = [models.UniqueConstraint(fields=["job", "index"], name="jobchunk_once")]

    def __str__(self):
        return f"{self.job_id} #{self.index}"


class Notification(models.Model):
    """A message to one user, shown in the top bar and optionally emailed."""

    class Level(models.TextChoices):
        INFO = "info", _("Information")
        SUCCESS = "success", _("Success")
        WARNING = "warning", _("Warning")
        DANGER = "danger", _("Urgent")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.INFO)
    source = models.CharField(
        _("source"),
        max_length=80,
        blank=True,
        help_text=_("What raised it, e.g. 'hr.employee_dismissed'."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread_idx",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class OutboxMessage(models.Model):
    """One email of the product, kept by its key so it goes at most once.

    A message sent on its first try is a line in the log (addresses, subject,
    when). One that failed keeps its body and attachments until a retry sends
    it; then they are dropped, so the table never holds a payslip or a
    password link longer than it must.
    """

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        RETRY = "retry", _("Waiting to retry")
        FAILED = "failed", _("Failed, no more retries")
        SKIPPED = "skipped", _("Not needed any more")

    key = models.CharField(
        _("key"),
        max_length=200,
        unique=True,
        help_text=_("What the message is about, e.g. 'accounting.payslip:42'; one message each."),
    )
    to = models.JSONField(_("to"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("body"), blank=True)
    attachment_names = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    claim_model = models.CharField(
        _("recorded on"),
        max_length=100,
        blank=True,
        help_text=_("The record whose date says the message went, e.g. 'accounting.payslip'."),
    )
    claim_pk = models.CharField(_("record id"), max_length=64, blank=True)
    claim_field = models.CharField(_("record field"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="retry"),
                name="outbox_due_idx",
            )
        ]

    def __str__(self):
        return self.subject


class OutboxAttachment(models.Model):
    """A file of a message still to send; deleted once the message has gone."""

    message = models.ForeignKey(
        OutboxMessage,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("message"),
    )
    filename = models.CharField(_("file name"), max_length=255)
    mimetype = models.CharField(_("type"), max_length=100)
    content = models.BinaryField(_("content"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.filename


class PublicHoliday(models.Model):
    """A legal day off for the whole company; working days are Monday to Friday minus these.

    Kept in the core because every department counts working days with it:
    payroll, leave, complaint deadlines and IT's service-level clocks.
    """

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self):
        return f"{self.date}: {self.name}"
