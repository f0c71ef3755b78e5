"""Payroll runs: one month's payslips for every employee, calculated by a job,
approved by a second person and posted to the ledger as one journal entry.

A run moves draft -> calculating -> calculated -> approved -> posted -> paid.
Until it is approved it may be calculated again (the job replaces every
payslip); after approval the services refuse any change, and a correction is a
new off-cycle run that `corrects` it. Payslips are unique per (run, employee)
in the database, so a re-run or a restarted worker cannot duplicate one.

The calculation is a chunked job of the core (`backoffice.models.JobChunk`
rows that workers claim with `SELECT ... FOR UPDATE SKIP LOCKED` and compute
in one transaction each): a worker killed mid-chunk rolls its chunk back and
leaves it to the others.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounting.models.ledger import JournalEntry
from accounting.models.payroll_rules import PayrollRuleSet
from backoffice.fields import actor_field
from hr.models.employees import Employee

MONEY = {"max_digits": 14, "decimal_places": 2}


class PayrollRun(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CALCULATING = "calculating", _("Calculating")
        CALCULATED = "calculated", _("Calculated")
        APPROVED = "approved", _("Approved")
        POSTED = "posted", _("Posted")
        PAID = "paid", _("Paid")

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Regular")
        OFF_CYCLE = "off_cycle", _("Off-cycle correction")

    FINAL = (Status.APPROVED, Status.POSTED, Status.PAID)

    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    pay_date = models.DateField(_("pay date"))
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.REGULAR, db_index=True
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects"),
        help_text=_("The approved run this off-cycle run corrects."),
    )
    employees = models.ManyToManyField(
        Employee,
        blank=True,
        related_name="+",
        verbose_name=_("employees"),
        help_text=_("Who an off-cycle run covers; a regular run covers everyone employed."),
    )
    reason = models.TextField(_("reason"), blank=True)
    rule_set = models.ForeignKey(
        PayrollRuleSet, on_delete=models.PROTECT, related_name="runs", verbose_name=_("rule set")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    job = models.ForeignKey(
        "backoffice.Job",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("calculation job"),
    )
    created_by = actor_field(_("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    calculated_by = actor_field(_("calculated by"), null=True)
    calculated_at = models.DateTimeField(_("calculated at"), null=True, blank=True)
    approved_by = actor_field(_("approved by"), null=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    journal_entry = models.OneToOneField(
        JournalEntry,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payroll_run",
        verbose_name=_("journal entry"),
    )
    paid_by = actor_field(_("marked paid by"), null=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    payment_entry = models.OneToOneField(
        JournalEntry,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payroll_payment",
        verbose_name=_("payment entry"),
    )
    documents_job = models.ForeignKey(
        "backoffice.Job",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("payslip documents job"),
    )
    gross = models.DecimalField(_("gross"), **MONEY, default=0)
    deductions = models.DecimalField(_("employee deductions"), **MONEY, default=0)
    net = models.DecimalField(_("net"), **MONEY, default=0)
    employer_cost = models.DecimalField(_("employer cost"), **MONEY, default=0)
    history = HistoricalRecords(excluded_fields=["employees"])

    class Meta:
        ordering = ["-period_start", "-pk"]
        verbose_name = _("payroll run")
        verbose_name_plural = _("payroll runs")
        permissions = [
            ("calculate_payrollrun", _("Can calculate a payroll run")),
            ("approve_payrollrun", _("Can approve a payroll run")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="payrollrun_period_ordered"
            ),
            # Two regular runs of one month would pay everyone twice.
            models.UniqueConstraint(
                fields=["period_start"],
                condition=Q(kind="regular"),
                name="payrollrun_one_regular_a_month",
                violation_error_message=_("This month has a regular payroll run already."),
            ),
            models.CheckConstraint(
                condition=Q(kind="regular", corrects__isnull=True)
                | Q(kind="off_cycle", corrects__isnull=False),
                name="payrollrun_off_cycle_corrects_a_run",
            ),
        ]

    def __str__(self):
        return f"{self.period_start:%Y-%m} ({self.rule_set.code})"

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL


class Payslip(models.Model):
    run = models.ForeignKey(
        PayrollRun, on_delete=models.CASCADE, related_name="payslips", verbose_name=_("run")
    )
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="payslips", verbose_name=_("employee")
    )
    department = models.ForeignKey(
        "hr.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    gross = models.DecimalField(_("gross"), **MONEY)
    deductions = models.DecimalField(_("employee deductions"), **MONEY)
    net = models.DecimalField(_("net"), **MONEY)
    employer_contributions = models.DecimalField(_("employer contributions"), **MONEY)
    employer_cost = models.DecimalField(_("employer cost"), **MONEY)
    is_final = models.BooleanField(
        _("final pay"), default=False, help_text=_("The leaver's last payslip.")
    )
    pdf = models.FileField(_("PDF"), upload_to="payslips/%Y/%m/", blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    class Meta:
        ordering = ["run", "employee__last_name", "employee__first_name", "pk"]
        verbose_name = _("payslip")
        verbose_name_plural = _("payslips")
        constraints = [
            models.UniqueConstraint(fields=["run", "employee"], name="payslip_unique_run_employee"),
            models.CheckConstraint(
                condition=Q(net=F("gross") - F("deductions")), name="payslip_net_is_gross_less"
            ),
        ]

    def __str__(self):
        return f"{self.run} {self.employee}"


class PayslipLine(models.Model):
    payslip = models.ForeignKey(
        Payslip, on_delete=models.CASCADE, related_name="lines", verbose_name=_("payslip")
    )
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=30)
    base = models.DecimalField(_("base"), **MONEY, null=True, blank=True)
    amount = models.DecimalField(_("amount"), **MONEY)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["payslip", "order"]
        verbose_name = _("payslip line")
        verbose_name_plural = _("payslip lines")

    def __str__(self):
        return f"{self.code} {self.amount}"


class PayrollException(models.Model):
    class Reason(models.TextChoices):
        NO_PAY_PROFILE = "no_pay_profile", _("No pay profile")
        UNAPPROVED_TIMESHEET = "unapproved_timesheet", _("No approved timesheet")
        RULES_ERROR = "rules_error", _("The rules cannot be applied")
        NEGATIVE_NET = "negative_net", _("Deductions exceed earnings")

    run = models.ForeignKey(
        PayrollRun, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("run")
    )
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="+", verbose_name=_("employee")
    )
    reason = models.CharField(_("reason"), max_length=30, choices=Reason.choices)
    message = models.TextField(_("message"))
    resolved = models.BooleanField(_("resolved"), default=False)
    excluded = models.BooleanField(_("excluded from the run"), default=False)
    decided_by = actor_field(_("decided by"), null=True)

    class Meta:
        ordering = ["run", "employee__last_name", "employee__first_name", "pk"]
        verbose_name = _("payroll exception")
        verbose_name_plural = _("payroll exceptions")
        constraints = [
            models.UniqueConstraint(
                fields=["run", "employee", "reason"], name="payrollexception_once"
            ),
        ]

    def __str__(self):
        return f"{self.run} {self.employee}: {self.get_reason_display()}"

    @property
    def is_open(self) -> bool:
        return not (self.resolved or self.excluded)


class FinalPay(models.Model):
    """A leaver waiting for their last payslip, recorded from the dismissal event.

    The run whose period holds `last_day` pays it and marks the payslip final;
    a leaver whose month was already approved is paid by an off-cycle run.
    """

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="final_pays", verbose_name=_("employee")
    )
    last_day = models.DateField(_("last day"))
    kind = models.CharField(_("kind of departure"), max_length=30, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    payslip = models.OneToOneField(
        Payslip,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="final_pay",
        verbose_name=_("payslip"),
    )

    class Meta:
        ordering = ["-last_day", "pk"]
        verbose_name = _("final pay")
        verbose_name_plural = _("final pays")
        constraints = [
            models.UniqueConstraint(fields=["employee", "last_day"], name="finalpay_once"),
        ]

    def __str__(self):
        return f"{self.employee} {self.last_day}"
