"""The phone side of the clerical office: presence, calls, their transfers, messages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field


class Presence(models.Model):
    """Whether a person can take a call now; one row per employee, made on first change."""

    class Status(models.TextChoices):
        IN = "in", _("In")
        OUT = "out", _("Out")
        MEETING = "meeting", _("In a meeting")
        LEAVE = "leave", _("On leave")

    employee = models.OneToOneField(
        "hr.Employee",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="presence",
        verbose_name=_("employee"),
    )
    status = models.CharField(_("presence"), max_length=10, choices=Status.choices)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    set_by = actor_field(_("set by"), null=True)
    set_at = models.DateTimeField(_("set at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("presence")
        verbose_name_plural = _("presences")

    def __str__(self):
        return f"{self.employee}: {self.get_status_display()}"


class Call(models.Model):
    """A call the clerk answered: from an employee or an outside number, for someone."""

    class Status(models.TextChoices):
        OPEN = "open", _("Being put through")
        ANSWERED = "answered", _("Answered")
        MESSAGE = "message", _("Message taken")

    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    taken_by = actor_field(_("taken by"))
    caller_employee = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("calling employee"),
    )
    caller_name = models.CharField(_("caller"), max_length=120, blank=True)
    caller_number = models.CharField(_("caller's number"), max_length=20, blank=True)
    for_employee = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        related_name="calls_received",
        verbose_name=_("for"),
    )
    # The department of the person called for when the call came in: the daily
    # count per department stays true after a move.
    department = models.ForeignKey(
        "hr.Department", on_delete=models.PROTECT, related_name="+", verbose_name=_("department")
    )
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    answered_by = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        indexes = [
            models.Index(fields=["department", "received_at"]),
            models.Index(fields=["for_employee", "received_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(caller_employee__isnull=False) | ~models.Q(caller_number=""),
                name="call_has_a_caller",
                violation_error_message=_("Say who called: a colleague or an outside number."),
            )
        ]

    def __str__(self):
        return f"{self.caller_display} -> {self.for_employee} ({self.received_at:%Y-%m-%d %H:%M})"

    @property
    def caller_display(self) -> str:
        if self.caller_employee_id:
            return str(self.caller_employee)
        return " ".join(part for part in (self.caller_name, self.caller_number) if part)


class CallTransfer(models.Model):
    """One link of a call's chain: put through to a person, who answered or not."""

    class Outcome(models.TextChoices):
        RINGING = "ringing", _("Ringing")
        ANSWERED = "answered", _("Answered")
        NO_ANSWER = "no_answer", _("No answer")

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="transfers", verbose_name=_("call")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    to_employee = models.ForeignKey(
        "hr.Employee", on_delete=models.PROTECT, related_name="+", verbose_name=_("to")
    )
    by = actor_field(_("transferred by"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.RINGING
    )

    class Meta:
        ordering = ["call", "position"]
        verbose_name = _("call transfer")
        verbose_name_plural = _("call transfers")
        constraints = [
            models.UniqueConstraint(fields=["call", "position"], name="call_transfer_position"),
            models.UniqueConstraint(
                fields=["call"],
                condition=models.Q(outcome="ringing"),
                name="call_transfer_one_ringing",
            ),
        ]

    def __str__(self):
        return f"{self.call_id} #{self.position} -> {self.to_employee}"


class PhoneMessage(models.Model):
    """ "While you were out": open until its recipient (or a clerk) marks it done."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("Normal")
        URGENT = "urgent", _("Urgent")

    call = models.OneToOneField(
        Call,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="message",
        verbose_name=_("call"),
    )
    recipient = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        related_name="phone_messages",
        verbose_name=_("for"),
    )
    taken_by = actor_field(_("taken by"))
    taken_at = models.DateTimeField(_("taken at"), default=timezone.now)
    caller = models.CharField(_("caller"), max_length=120)
    caller_number = models.CharField(_("number to call back"), max_length=20, blank=True)
    body = models.TextField(_("message"))
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    call_back_by = models.DateTimeField(_("call back by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    done_by = actor_field(_("done by"), null=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    # The call-back time a reminder went out for: one reminder per message and due time.
    reminded_for = models.DateTimeField(_("reminded for"), null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-taken_at", "-pk"]
        verbose_name = _("phone message")
        verbose_name_plural = _("phone messages")
        indexes = [models.Index(fields=["recipient", "status"])]
        permissions = [("view_all_phonemessage", _("Can see every phone message"))]

    def __str__(self):
        return _("Message from %(caller)s for %(recipient)s") % {
            "caller": self.caller,
            "recipient": self.recipient,
        }
