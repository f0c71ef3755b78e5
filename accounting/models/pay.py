"""The inputs a payroll run reads: each employee's
dated pay profile, pay items (earnings and deductions) and monthly timesheets.

A pay profile takes effect from a date; the one in force on a day is the
latest with `effective_from` on or before it, so the history stays whole.
An approved timesheet is final: the services refuse edits and, on Postgres,
a trigger refuses any change to its days (migration `0014_pay_triggers`).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from backoffice.validators import validate_iban
from hr.models.employees import Employee

MONEY = {"max_digits": 14, "decimal_places": 2}
HOURS = {"max_digits": 5, "decimal_places": 2}
ZERO = Decimal("0.00")


class PayProfile(models.Model):
    class PayType(models.TextChoices):
        MONTHLY = "monthly", _("Monthly salary")
        HOURLY = "hourly", _("Hourly rate")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="pay_profiles",
        verbose_name=_("employee"),
    )
    effective_from = models.DateField(_("effective from"))
    pay_type = models.CharField(_("pay type"), max_length=10, choices=PayType.choices)
    monthly_salary = models.DecimalField(
        _("monthly gross salary"),
        **MONEY,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    hourly_rate = models.DecimalField(
        _("hourly gross rate"),
        **MONEY,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    normal_hours_per_day = models.DecimalField(
        _("normal hours per day"),
        **HOURS,
        default=Decimal("8.00"),
        validators=[MinValueValidator(Decimal("0.50")), MaxValueValidator(Decimal("12.00"))],
    )
    iban = models.CharField(_("IBAN"), max_length=34, validators=[validate_iban])
    dependants = models.PositiveSmallIntegerField(_("dependants"), default=0)
    tax_exempt = models.BooleanField(
        _("exempt from income tax"),
        default=False,
        help_text=_("For example for a recognised disability."),
    )
    young_employee_deduction = models.BooleanField(
        _("under-26 deduction"),
        default=False,
        help_text=_("The employee qualifies for the deduction of young employees."),
    )
    note = models.TextField(_("note"), blank=True)
    created_by = actor_field(_("entered by"), null=True)
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["employee", "-effective_from"]
        verbose_name = _("pay profile")
        verbose_name_plural = _("pay profiles")
        permissions = [("view_own_payprofile", _("Can see their own pay profile"))]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "effective_from"],
                name="payprofile_unique_employee_date",
                violation_error_message=_("This employee already has a profile from that date."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(pay_type="monthly", monthly_salary__gt=0, hourly_rate__isnull=True)
                    | Q(pay_type="hourly", hourly_rate__gt=0, monthly_salary__isnull=True)
                ),
                name="payprofile_one_amount_for_its_type",
                violation_error_message=_(
                    "Give a monthly salary for monthly pay or an hourly rate for hourly pay, "
                    "not both."
                ),
            ),
            models.CheckConstraint(
                condition=Q(normal_hours_per_day__gt=0, normal_hours_per_day__lte=24),
                name="payprofile_normal_hours_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.employee} {self.effective_from}"

    @property
    def amount(self) -> Decimal:
        return self.monthly_salary if self.pay_type == self.PayType.MONTHLY else self.hourly_rate


class PayItem(models.Model):
    """An earning or deduction on top of the pay profile, once or every month."""

    class Kind(models.TextChoices):
        EARNING = "earning", _("Earning")
        DEDUCTION = "deduction", _("Deduction")

    class Code(models.TextChoices):
        MEAL_VOUCHERS = "MEAL_VOUCHERS", _("Meal vouchers")
        ALLOWANCE = "ALLOWANCE", _("Allowance")
        BONUS = "BONUS", _("Bonus")
        GARNISHMENT = "GARNISHMENT", _("Garnishment")
        DEDUCTION = "DEDUCTION", _("Other deduction")

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="pay_items", verbose_name=_("employee")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=20, choices=Code.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))]
    )
    recurring = models.BooleanField(_("every month"), default=False)
    month = models.DateField(
        _("month"), help_text=_("The first day of the month it applies to, or starts in.")
    )
    end_month = models.DateField(
        _("last month"),
        null=True,
        blank=True,
        help_text=_("For a recurring item: the last month it applies to; empty for no end."),
    )
    created_by = actor_field(_("entered by"), null=True)
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["employee", "-month", "code"]
        verbose_name = _("pay item")
        verbose_name_plural = _("pay items")
        indexes = [models.Index(fields=["month", "end_month"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payitem_amount_positive"),
            models.CheckConstraint(
                condition=Q(recurring=True) | Q(end_month__isnull=True),
                name="payitem_one_off_has_no_end",
            ),
            models.CheckConstraint(
                condition=Q(end_month__isnull=True) | Q(end_month__gte=F("month")),
                name="payitem_ends_after_start",
                violation_error_message=_("The last month cannot be before the first."),
            ),
        ]

    def __str__(self):
        return f"{self.employee} {self.get_code_display()} {self.amount}"


class Timesheet(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="timesheets", verbose_name=_("employee")
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = actor_field(_("decided by"), null=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    manager_comment = models.TextField(_("manager's comment"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "employee"]
        verbose_name = _("timesheet")
        verbose_name_plural = _("timesheets")
        permissions = [
            ("fill_timesheet", _("Can fill in and submit their own timesheet")),
            ("approve_timesheet", _("Can approve the timesheets of their team")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "period_start"], name="timesheet_unique_employee_period"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="timesheet_period_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.employee} {self.period_start:%Y-%m}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE


class TimesheetDay(models.Model):
    KINDS = ("normal", "overtime", "night", "weekend", "holiday", "leave", "sick")

    timesheet = models.ForeignKey(
        Timesheet, on_delete=models.CASCADE, related_name="days", verbose_name=_("timesheet")
    )
    date = models.DateField(_("date"))
    normal = models.DecimalField(_("normal"), **HOURS, default=ZERO)
    overtime = models.DecimalField(_("overtime"), **HOURS, default=ZERO)
    night = models.DecimalField(_("night"), **HOURS, default=ZERO)
    weekend = models.DecimalField(_("weekend"), **HOURS, default=ZERO)
    holiday = models.DecimalField(_("public holiday"), **HOURS, default=ZERO)
    leave = models.DecimalField(_("leave"), **HOURS, default=ZERO)
    sick = models.DecimalField(_("sick"), **HOURS, default=ZERO)

    class Meta:
        ordering = ["timesheet", "date"]
        verbose_name = _("timesheet day")
        verbose_name_plural = _("timesheet days")
        constraints = [
            models.UniqueConstraint(fields=["timesheet", "date"], name="timesheetday_unique_date"),
            models.CheckConstraint(
                condition=Q(
                    normal__gte=0,
                    overtime__gte=0,
                    night__gte=0,
                    weekend__gte=0,
                    holiday__gte=0,
                    leave__gte=0,
                    sick__gte=0,
                ),
                name="timesheetday_hours_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(
                    normal__lte=24
                    - F("overtime")
                    - F("night")
                    - F("weekend")
                    - F("holiday")
                    - F("leave")
                    - F("sick")
                ),
                name="timesheetday_at_most_24_hours",
            ),
        ]

    def __str__(self):
        return f"{self.timesheet} {self.date}"

    @property
    def total(self) -> Decimal:
        return sum((getattr(self, kind) for kind in self.KINDS), ZERO)


class TimesheetReminder(models.Model):
    """That someone was reminded once of a month's timesheets (the daily task's memory)."""

    class Kind(models.TextChoices):
        TO_SUBMIT = "to_submit", _("Timesheet to submit")
        TO_APPROVE = "to_approve", _("Timesheets to approve")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("reminded"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    period_start = models.DateField(_("month"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("timesheet reminder")
        verbose_name_plural = _("timesheet reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "period_start"], name="timesheetreminder_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.kind} {self.period_start:%Y-%m}"
