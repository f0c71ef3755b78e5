"""Help requests: a ticket, its conversation (public replies and internal notes) and
its attachments.

The requester sees the ticket, its public replies and the attachments of those
replies; internal notes and their files are IT's alone (`it_support.selectors.tickets`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from it_support.models.inventory import Equipment, System


class Category(models.TextChoices):
    CASH_REGISTER = "cash_register", _("Cash-register program")
    DATABASE = "database", _("Database")
    ORDERING = "ordering", _("Ordering system")
    HARDWARE = "hardware", _("Hardware")
    NETWORK = "network", _("Network")
    ACCESS = "access", _("Access")
    OTHER = "other", _("Other")


class Impact(models.IntegerChoices):
    BLOCKS_SALES = 1, _("Blocks sales")
    DEGRADED = 2, _("Degraded")
    QUESTION = 3, _("Question")


class Urgency(models.IntegerChoices):
    HIGH = 1, _("Now")
    MEDIUM = 2, _("Today")
    LOW = 3, _("When possible")


class Priority(models.IntegerChoices):
    """Lower is more urgent, so the queue sorts by it ascending."""

    CRITICAL = 1, _("Critical")
    HIGH = 2, _("High")
    MEDIUM = 3, _("Medium")
    LOW = 4, _("Low")


def priority_of(impact: int, urgency: int) -> int:
    """The ITIL matrix: impact plus urgency, 2 (both worst) is critical, 6 is low."""
    return min(max(int(impact) + int(urgency) - 1, Priority.CRITICAL), Priority.LOW)


class Ticket(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        WAITING = "waiting", _("Waiting on requester")
        RESOLVED = "resolved", _("Resolved")
        CLOSED = "closed", _("Closed")
        REOPENED = "reopened", _("Reopened")

    OPEN = (Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING, Status.REOPENED)

    class Source(models.TextChoices):
        WEB = "web", _("Form")
        OFFBOARDING = "offboarding", _("Offboarding")

    subject = models.CharField(_("what is wrong"), max_length=200)
    description = models.TextField(_("details"), max_length=10000, blank=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="it_tickets",
        verbose_name=_("requester"),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    system = models.ForeignKey(
        System,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("system"),
    )
    equipment = models.ForeignKey(
        Equipment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("equipment"),
    )
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Impact.choices)
    urgency = models.PositiveSmallIntegerField(
        _("urgency"), choices=Urgency.choices, default=Urgency.MEDIUM
    )
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    source = models.CharField(
        _("source"), max_length=12, choices=Source.choices, default=Source.WEB
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="it_tickets_assigned",
        verbose_name=_("assigned to"),
    )
    created_at = models.DateTimeField(_("raised at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Service-level clock: due times in business hours; paused while waiting on the requester.
    response_due_at = models.DateTimeField(_("response due"), null=True, blank=True)
    resolution_due_at = models.DateTimeField(_("resolution due"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("first response at"), null=True, blank=True)
    paused_at = models.DateTimeField(_("clock paused at"), null=True, blank=True)
    paused_seconds = models.PositiveIntegerField(_("time paused (seconds)"), default=0)
    # Claims of the escalation task: each threshold is acted on once per ticket.
    response_warned_at = models.DateTimeField(_("response warning at"), null=True, blank=True)
    resolution_warned_at = models.DateTimeField(_("resolution warning at"), null=True, blank=True)
    response_breached = models.BooleanField(_("response target missed"), default=False)
    resolution_breached = models.BooleanField(_("resolution target missed"), default=False)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = actor_field(_("resolved by"), null=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = actor_field(_("closed by"), null=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, choices=[(n, str(n)) for n in range(1, 6)]
    )
    rating_comment = models.CharField(_("rating comment"), max_length=500, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-id"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        permissions = [
            ("raise_ticket", _("Can raise an IT ticket")),
            ("work_ticket", _("Can work IT tickets (the queue)")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__range=(1, 5)),
                name="it_ticket_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(priority__range=(1, 4)), name="it_ticket_priority_1_to_4"
            ),
        ]
        # The queue is read newest first (keyset on id) under its filters.
        indexes = [
            models.Index(fields=["status", "-id"], name="it_ticket_status_idx"),
            models.Index(fields=["priority", "-id"], name="it_ticket_priority_idx"),
            models.Index(fields=["assignee", "-id"], name="it_ticket_assignee_idx"),
            models.Index(fields=["requester", "-id"], name="it_ticket_requester_idx"),
            models.Index(fields=["category", "-id"], name="it_ticket_category_idx"),
            models.Index(
                fields=["resolution_due_at"],
                name="it_ticket_open_due_idx",
                condition=Q(status__in=["new", "assigned", "in_progress", "reopened"]),
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        return f"IT-{self.pk:06d}" if self.pk else "IT-?"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class TicketMessage(models.Model):
    """One entry of the conversation: a public reply or an internal note (IT only)."""

    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="messages", verbose_name=_("ticket")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"), max_length=20000)
    internal = models.BooleanField(
        _("internal note"), default=False, help_text=_("Seen by IT only, never the requester.")
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ticket message")
        verbose_name_plural = _("ticket messages")
        indexes = [models.Index(fields=["ticket", "created_at"], name="it_ticketmsg_ticket_idx")]

    def __str__(self):
        return f"{self.ticket.reference} #{self.pk}"


class TicketAttachment(models.Model):
    """A file kept privately and served only through the ticket's download view.

    It belongs to a message when sent with one, so a file sent with an internal
    note is as hidden as the note.
    """

    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("ticket")
    )
    message = models.ForeignKey(
        TicketMessage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("message"),
    )
    file = models.FileField(_("file"), upload_to="it/tickets/", max_length=200)
    filename = models.CharField(_("file name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=12)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("ticket attachment")
        verbose_name_plural = _("ticket attachments")

    def __str__(self):
        return self.filename


class SavedQueueFilter(models.Model):
    """A named set of queue filters, kept per person."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="it_queue_filters",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=60)
    query = models.CharField(_("filters"), max_length=1000)

    class Meta:
        ordering = ["name"]
        verbose_name = _("saved queue filter")
        verbose_name_plural = _("saved queue filters")
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="it_queue_filter_unique_name")
        ]

    def __str__(self):
        return self.name
