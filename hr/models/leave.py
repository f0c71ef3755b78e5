"""Leave and absence: types, dated entitlement policies, the balance ledger and requests.

A balance is always the sum of `LeaveLedgerEntry` rows: accruals, uses,
cancellations, carry-overs, expiries, corrections and HR adjustments, each
with a reason. Each row belongs to a bucket, the last day its days may be
taken on (`usable_until`): a year's accrual is usable until 31 December; days
carried over move, by a pair of rows, to a bucket that ends when the law says
(Romania: 18 months after the year). A use takes the oldest usable bucket
first, so expiry removes only what is left of a bucket.
"""

import secrets
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from hr.models.employees import Employee

DAYS = {"max_digits": 7, "decimal_places": 2}


class LeaveType(models.Model):
    class Category(models.TextChoices):
        ANNUAL = "annual", _("Annual paid leave")
        SICK = "sick", _("Sick leave")
        UNPAID = "unpaid", _("Unpaid leave")
        FAMILY = "family", _("Family event")
        STUDY = "study", _("Study leave")
        MATERNITY = "maternity", _("Maternity and childcare")
        COMPENSATORY = "compensatory", _("Compensatory time off")

    class Approver(models.TextChoices):
        MANAGER = "manager", _("The manager")
        HR = "hr", _("HR")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    is_paid = models.BooleanField(_("paid"), default=True)
    payroll_rule_code = models.CharField(
        _("payroll rule code"),
        max_length=40,
        blank=True,
        help_text=_("The code of the payroll rule that pays these days."),
    )
    needs_document = models.BooleanField(_("needs a document"), default=False)
    approver = models.CharField(
        _("approved by"), max_length=10, choices=Approver.choices, default=Approver.MANAGER
    )
    counts_as_worked = models.BooleanField(
        _("counts as time worked"),
        default=True,
        help_text=_("For seniority and for next year's annual leave."),
    )
    allows_half_days = models.BooleanField(_("allows half days"), default=False)
    has_balance = models.BooleanField(
        _("taken from a balance"),
        default=False,
        help_text=_("Requests are checked against the ledger and booked in it."),
    )
    allows_negative = models.BooleanField(_("allows a negative balance"), default=False)
    days_per_event = models.DecimalField(
        _("days per event"),
        **DAYS,
        null=True,
        blank=True,
        help_text=_("The most one request may take (family events)."),
    )
    legal_source = models.CharField(_("legal source"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("leave type")
        verbose_name_plural = _("leave types")
        constraints = [
            models.CheckConstraint(
                condition=Q(allows_negative=False) | Q(has_balance=True),
                name="leavetype_negative_needs_balance",
                violation_error_message=_("Only a type taken from a balance can go negative."),
            ),
        ]

    def __str__(self):
        return self.name


class LeavePolicySet(models.Model):
    """A preset of entitlements ("Romania", "Simple"); one is in use."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)
    is_active = models.BooleanField(_("in use"), default=False)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("leave policy set")
        verbose_name_plural = _("leave policy sets")
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=Q(is_active=True),
                name="leavepolicyset_one_in_use",
                violation_error_message=_("Only one leave policy set can be in use."),
            ),
        ]

    def __str__(self):
        return self.name


class LeavePolicy(models.Model):
    """Dated entitlement of one type, for one contract type or for all."""

    policy_set = models.ForeignKey(
        LeavePolicySet,
        on_delete=models.CASCADE,
        related_name="policies",
        verbose_name=_("policy set"),
    )
    leave_type = models.ForeignKey(
        LeaveType, on_delete=models.PROTECT, related_name="policies", verbose_name=_("leave type")
    )
    contract_type = models.CharField(
        _("contract type"),
        max_length=20,
        choices=Employee.ContractType.choices,
        blank=True,
        help_text=_("Blank: every contract type without a policy of its own."),
    )
    effective_from = models.DateField(_("effective from"))
    days_per_year = models.DecimalField(
        _("days per year"), **DAYS, validators=[MinValueValidator(Decimal("0"))]
    )
    pro_rata_part_time = models.BooleanField(
        _("pro rata for part-time hours"),
        default=False,
        help_text=_("Reduce the days by weekly hours / 40."),
    )
    seniority_steps = models.JSONField(
        _("extra days by seniority"),
        default=list,
        blank=True,
        help_text=_("Pairs of [full years of service, extra days], e.g. [[5, 1], [10, 2]]."),
    )
    carry_over_months = models.PositiveSmallIntegerField(
        _("carried over for (months)"),
        default=0,
        help_text=_("Unused days may be taken for this many months after the year; 0: expire."),
    )
    legal_source = models.CharField(_("legal source"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["policy_set", "leave_type", "contract_type", "effective_from"]
        verbose_name = _("leave policy")
        verbose_name_plural = _("leave policies")
        constraints = [
            models.UniqueConstraint(
                fields=["policy_set", "leave_type", "contract_type", "effective_from"],
                name="leavepolicy_one_version_a_day",
                violation_error_message=_("This policy already has a version from that date."),
            ),
        ]

    def __str__(self):
        return f"{self.policy_set} / {self.leave_type} ({self.effective_from})"

    def clean(self):
        from django.core.exceptions import ValidationError

        steps = self.seniority_steps or []
        ok = isinstance(steps, list) and all(
            isinstance(step, list)
            and len(step) == 2
            and all(isinstance(n, int | float) and n >= 0 for n in step)
            for step in steps
        )
        if not ok:
            raise ValidationError(
                {"seniority_steps": _("Give pairs of [years, extra days], both zero or more.")}
            )


class LeaveRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        CANCELLED = "cancelled", _("Cancelled")

    class Half(models.TextChoices):
        FULL = "", _("Whole days")
        MORNING = "am", _("Morning only")
        AFTERNOON = "pm", _("Afternoon only")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="leave_requests",
        verbose_name=_("employee"),
    )
    leave_type = models.ForeignKey(
        LeaveType, on_delete=models.PROTECT, related_name="requests", verbose_name=_("leave type")
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    half = models.CharField(_("half day"), max_length=2, choices=Half.choices, blank=True)
    days = models.DecimalField(_("working days"), **DAYS)
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    note = models.TextField(_("note"), blank=True)
    decision_comment = models.TextField(_("decision comment"), blank=True)
    requested_by = actor_field(_("requested by"))
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = actor_field(_("decided by"), null=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    cancelled_by = actor_field(_("cancelled by"), null=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Claims of the daily leave_started / leave_ended events (sent once each).
    started_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    ended_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("leave request")
        verbose_name_plural = _("leave requests")
        permissions = [
            ("request_leave", _("Can request leave for oneself")),
            ("approve_leave", _("Can approve the team's leave")),
            ("manage_leave", _("Can record, decide and cut short anyone's leave")),
        ]
        indexes = [models.Index(fields=["employee", "start_date", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="leaverequest_end_after_start",
                violation_error_message=_("The leave cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(half="") | Q(end_date=F("start_date")),
                name="leaverequest_half_day_is_one_day",
                violation_error_message=_("A half day is a single date."),
            ),
            models.CheckConstraint(
                condition=Q(days__gte=0, hours__gte=0),
                name="leaverequest_days_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.employee} · {self.leave_type} · {self.start_date}–{self.end_date}"


class LeaveLedgerEntry(models.Model):
    class Kind(models.TextChoices):
        ACCRUAL = "accrual", _("Accrual")
        USE = "use", _("Leave taken")
        CANCELLATION = "cancellation", _("Cancellation")
        CARRY_OVER = "carry_over", _("Carry-over")
        EXPIRY = "expiry", _("Expiry")
        CORRECTION = "correction", _("Correction")
        ADJUSTMENT = "adjustment", _("HR adjustment")

    # The year-end job writes at most one of these per bucket, however often it runs.
    ONCE_PER_BUCKET = [Kind.ACCRUAL, Kind.CARRY_OVER, Kind.EXPIRY]

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="leave_ledger", verbose_name=_("employee")
    )
    leave_type = models.ForeignKey(
        LeaveType, on_delete=models.PROTECT, related_name="ledger", verbose_name=_("leave type")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    days = models.DecimalField(_("days"), **DAYS)
    year = models.PositiveSmallIntegerField(_("entitlement year"))
    usable_until = models.DateField(_("usable until"))
    request = models.ForeignKey(
        LeaveRequest,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger",
        verbose_name=_("request"),
    )
    reason = models.CharField(_("reason"), max_length=300)
    created_by = actor_field(_("recorded by"), null=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("leave ledger entry")
        verbose_name_plural = _("leave ledger entries")
        indexes = [models.Index(fields=["employee", "leave_type", "year", "usable_until"])]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "leave_type", "kind", "year", "usable_until"],
                condition=Q(kind__in=["accrual", "carry_over", "expiry"]),
                name="leaveledger_once_per_bucket",
            ),
            models.CheckConstraint(condition=~Q(days=0), name="leaveledger_days_not_zero"),
            models.CheckConstraint(condition=~Q(reason=""), name="leaveledger_reason_given"),
        ]

    def __str__(self):
        return f"{self.employee} · {self.leave_type} · {self.get_kind_display()} {self.days}"


class TeamStaffing(models.Model):
    """The fewest of a manager's direct reports who must be at work on a working day."""

    manager = models.OneToOneField(
        Employee, on_delete=models.CASCADE, related_name="team_staffing", verbose_name=_("manager")
    )
    minimum_present = models.PositiveSmallIntegerField(_("minimum present"), default=1)

    class Meta:
        verbose_name = _("team minimum staffing")
        verbose_name_plural = _("team minimum staffing")

    def __str__(self):
        return f"{self.manager}: {self.minimum_present}"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class LeaveCalendarFeed(models.Model):
    """A secret address of an iCalendar feed: one person's leave or their team's."""

    class Scope(models.TextChoices):
        PERSON = "person", _("My leave")
        TEAM = "team", _("My team's leave")

    owner = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="leave_feeds", verbose_name=_("owner")
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    token = models.CharField(_("token"), max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("leave calendar feed")
        verbose_name_plural = _("leave calendar feeds")

    def __str__(self):
        return f"{self.owner} · {self.get_scope_display()}"
