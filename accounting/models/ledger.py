"""The general ledger: accounts, journal entries and their lines.

A posted entry is final. The database itself enforces that a posted entry
balances to the cent and that posted rows are never changed or deleted
(triggers in migration 0002); a mistake is corrected by a reversing entry.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field


class Account(models.Model):
    class Type(models.TextChoices):
        ASSET = "asset", _("Asset")
        LIABILITY = "liability", _("Liability")
        EQUITY = "equity", _("Equity")
        INCOME = "income", _("Income")
        EXPENSE = "expense", _("Expense")

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)
    type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent account"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_bifunctional = models.BooleanField(
        _("bifunctional"),
        default=False,
        help_text=_(
            "Shown in the balance sheet by the side of its balance: an asset when it has a "
            "debit balance, a liability when it has a credit balance."
        ),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self):
        return f"{self.code} {self.name}"

    def statement_section(self, balance) -> str:
        """Where the balance sheet shows this account with this balance (debit - credit)."""
        return statement_section(self.type, self.is_bifunctional, balance)


# The balance sheet's sections and the profit and loss's result.
ASSETS, LIABILITIES, EQUITY, RESULT = "assets", "liabilities", "equity", "result"


def statement_section(type_: str, is_bifunctional: bool, balance) -> str:
    """Classify an account for the statements by its nature.

    Income and expense accounts make the result of the year; equity accounts
    are equity whatever the side of their balance (a loss carried forward is
    negative equity); a bifunctional account is an asset with a debit balance
    and a liability with a credit balance; any other account by its type.
    """
    if type_ in (Account.Type.INCOME, Account.Type.EXPENSE):
        return RESULT
    if type_ == Account.Type.EQUITY:
        return EQUITY
    if is_bifunctional:
        return ASSETS if balance >= 0 else LIABILITIES
    return ASSETS if type_ == Account.Type.ASSET else LIABILITIES


class JournalEntry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        POSTED = "posted", _("Posted")

    class Source(models.TextChoices):
        MANUAL = "manual", _("Manual")
        SUPPLIER_BILL = "supplier_bill", _("Supplier bill")
        PAYMENT = "payment", _("Payment")
        PAYROLL_RUN = "payroll_run", _("Payroll run")
        PAYROLL_PAYMENT = "payroll_payment", _("Payroll payment")
        SALES_IMPORT = "sales_import", _("Sales import")

    date = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    source_key = models.CharField(
        _("source key"),
        max_length=120,
        blank=True,
        help_text=_("Identifies the document that produced the entry, so it is posted only once."),
    )
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
        verbose_name=_("reverses"),
    )
    created_by = actor_field(_("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    posted_by = actor_field(_("posted by"), null=True)
    posted_at = models.DateTimeField(_("posted at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["date", "status"], name="journalentry_date_status")]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        permissions = [("post_journalentry", _("Can post and reverse journal entries"))]
        constraints = [
            models.UniqueConstraint(
                fields=["source_key"],
                condition=~Q(source_key=""),
                name="journalentry_unique_source_key",
                violation_error_message=_("An entry with this source key already exists."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(posted_at__isnull=False, posted_by__isnull=False),
                name="journalentry_posted_has_poster",
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.description}"

    @property
    def is_posted(self) -> bool:
        return self.status == self.Status.POSTED


class JournalLine(models.Model):
    entry = models.ForeignKey(
        JournalEntry, on_delete=models.CASCADE, related_name="lines", verbose_name=_("entry")
    )
    account = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="lines", verbose_name=_("account")
    )
    debit = models.DecimalField(_("debit"), max_digits=14, decimal_places=2, default=0)
    credit = models.DecimalField(_("credit"), max_digits=14, decimal_places=2, default=0)
    description = models.CharField(_("description"), max_length=255, blank=True)
    department = models.ForeignKey(
        "hr.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cost centre"),
    )

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["account", "entry"], name="journalline_account_entry")]
        verbose_name = _("journal line")
        verbose_name_plural = _("journal lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(debit__gte=0), name="journalline_debit_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(credit__gte=0), name="journalline_credit_not_negative"
            ),
            models.CheckConstraint(
                condition=(Q(debit=0) & ~Q(credit=0)) | (~Q(debit=0) & Q(credit=0)),
                name="journalline_debit_or_credit",
                violation_error_message=_("A line has either a debit or a credit, not both."),
            ),
        ]

    def __str__(self):
        return f"{self.account.code} {self.debit} / {self.credit}"


class AccountMonthTotal(models.Model):
    """Posted debits and credits of one account in one calendar month.

    Kept by the database (a trigger in migration 0005 adds an entry's lines
    when it is posted), so an account's balance at any date reads a few
    monthly rows instead of every line since the beginning. Never written by
    Python; `accounting.selectors.ledger` checks it against the lines.
    """

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="month_totals", verbose_name=_("account")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    debit = models.DecimalField(_("debit"), max_digits=16, decimal_places=2, default=0)
    credit = models.DecimalField(_("credit"), max_digits=16, decimal_places=2, default=0)

    class Meta:
        ordering = ["account", "month"]
        verbose_name = _("account month total")
        verbose_name_plural = _("account month totals")
        constraints = [
            models.UniqueConstraint(
                fields=["account", "month"], name="accountmonthtotal_unique_account_month"
            ),
        ]

    def __str__(self):
        return f"{self.account.code} {self.month:%Y-%m}"


class FiscalYear(models.Model):
    name = models.CharField(_("name"), max_length=40, unique=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))

    class Meta:
        ordering = ["-start"]
        verbose_name = _("fiscal year")
        verbose_name_plural = _("fiscal years")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")),
                name="fiscalyear_start_before_end",
                violation_error_message=_("A fiscal year starts before it ends."),
            ),
        ]

    def __str__(self):
        return self.name


class FiscalPeriod(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    fiscal_year = models.ForeignKey(
        FiscalYear, on_delete=models.CASCADE, related_name="periods", verbose_name=_("fiscal year")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    closed_by = actor_field(_("closed by"), null=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start"]
        verbose_name = _("fiscal period")
        verbose_name_plural = _("fiscal periods")
        permissions = [("reopen_fiscalperiod", _("Can reopen a closed fiscal period"))]
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "start"], name="fiscalperiod_unique_year_start"
            ),
            models.CheckConstraint(
                condition=Q(start__lte=models.F("end")), name="fiscalperiod_start_before_end"
            ),
        ]

    def __str__(self):
        return f"{self.start:%Y-%m}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED
