"""Payroll rules as data that accountants edit (see `accounting.payroll.engine`).

A rule set (Romania, Simple) holds dated parameters (rates, the minimum
wage, with their legal source), bracket tables and rules. A rule names its
base and computation by choice fields and codes, never by an expression:
nothing a user types is evaluated. Each model's `clean` checks what one
row can check; `accounting.services.payroll_rules` checks the set as a
whole (unknown codes, cycles, overlapping date ranges) before every save.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounting.payroll import engine

RULE_VALUE = {"max_digits": 14, "decimal_places": 4, "null": True, "blank": True}
CODE = {"max_length": 40}


def _code_validator(value: str) -> None:
    if not value or not all(ch.isupper() or ch.isdigit() or ch == "_" for ch in value):
        raise ValidationError(_("Use capital letters, digits and underscores, e.g. CAS_RATE."))


class PayrollRuleSet(models.Model):
    code = models.CharField(_("code"), unique=True, validators=[_code_validator], **CODE)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("payroll rule set")
        verbose_name_plural = _("payroll rule sets")

    def __str__(self):
        return self.name


class _Dated(models.Model):
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.effective_to and self.effective_from and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _("The end comes before the start.")})


def _dated_check(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(effective_to__isnull=True) | Q(effective_to__gte=F("effective_from")),
        name=name,
    )


class PayrollParameter(_Dated):
    rule_set = models.ForeignKey(
        PayrollRuleSet, on_delete=models.PROTECT, related_name="parameters"
    )
    code = models.CharField(_("code"), validators=[_code_validator], **CODE)
    name = models.CharField(_("name"), max_length=120)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    legal_source = models.TextField(_("legal source"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["rule_set", "code", "effective_from"]
        verbose_name = _("payroll parameter")
        verbose_name_plural = _("payroll parameters")
        constraints = [
            _dated_check("payroll_parameter_range"),
            models.UniqueConstraint(
                fields=["rule_set", "code", "effective_from"], name="payroll_parameter_once"
            ),
        ]

    def __str__(self):
        return f"{self.code} = {self.value} ({self.effective_from})"


class PayrollBracketTable(models.Model):
    class KeyInput(models.TextChoices):
        NONE = "", _("none")
        DEPENDANTS = "dependants", _("number of dependants")
        YOUNG = "young_employee", _("young employee (1) or not (0)")

    rule_set = models.ForeignKey(
        PayrollRuleSet, on_delete=models.PROTECT, related_name="bracket_tables"
    )
    code = models.CharField(_("code"), validators=[_code_validator], **CODE)
    name = models.CharField(_("name"), max_length=120)
    key_input = models.CharField(
        _("rows keyed by"), max_length=20, choices=KeyInput.choices, blank=True
    )
    legal_source = models.TextField(_("legal source"), blank=True)

    class Meta:
        ordering = ["rule_set", "code"]
        verbose_name = _("payroll bracket table")
        verbose_name_plural = _("payroll bracket tables")
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "code"], name="payroll_bracket_table_once")
        ]

    def __str__(self):
        return f"{self.rule_set.code} {self.code}"


class PayrollBracketRow(models.Model):
    table = models.ForeignKey(PayrollBracketTable, on_delete=models.CASCADE, related_name="rows")
    key = models.PositiveSmallIntegerField(_("key"), default=0)
    lower = models.DecimalField(_("from (inclusive)"), max_digits=14, decimal_places=2)
    upper = models.DecimalField(
        _("to (inclusive)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)

    class Meta:
        ordering = ["table", "key", "lower"]
        verbose_name = _("payroll bracket row")
        verbose_name_plural = _("payroll bracket rows")
        constraints = [
            models.CheckConstraint(
                condition=Q(upper__isnull=True) | Q(upper__gte=F("lower")),
                name="payroll_bracket_row_range",
            )
        ]

    def __str__(self):
        return f"[{self.key}] {self.lower} - {self.upper or '...'}: {self.value}"


class PayrollRule(_Dated):
    class Category(models.TextChoices):
        EARNING = engine.EARNING, _("Earning")
        EMPLOYEE_DEDUCTION = engine.EMPLOYEE_DEDUCTION, _("Employee deduction")
        TAX = engine.TAX, _("Tax")
        EMPLOYER_CONTRIBUTION = engine.EMPLOYER_CONTRIBUTION, _("Employer contribution")
        INFO = engine.INFO, _("Information (no effect on net)")

    class BaseKind(models.TextChoices):
        GROSS = engine.GROSS, _("Gross")
        TAXABLE = engine.TAXABLE, _("Taxable (gross less the non-taxable lines)")
        LINE = engine.LINE, _("Another line")
        SUM_OF_LINES = engine.SUM_OF_LINES, _("Sum of lines")
        HOURS = engine.HOURS, _("Hours")
        INPUT = engine.INPUT, _("Money input")

    class Computation(models.TextChoices):
        BASE = engine.BASE, _("The base itself")
        FIXED = engine.FIXED, _("Fixed amount")
        PERCENTAGE = engine.PERCENTAGE, _("Percentage of the base")
        RATE_TIMES_HOURS = engine.RATE_TIMES_HOURS, _("Hourly rate x hours x rate %")
        BRACKET_TABLE = engine.BRACKET_TABLE, _("Bracket table")

    class UnlessFlag(models.TextChoices):
        NONE = "", _("always")
        TAX_EXEMPT = "income_tax_exempt", _("not for income-tax exempt employees")
        YOUNG = "young_employee", _("not for young employees")

    rule_set = models.ForeignKey(PayrollRuleSet, on_delete=models.PROTECT, related_name="rules")
    code = models.CharField(_("code"), validators=[_code_validator], **CODE)
    name = models.CharField(_("name"), max_length=120)
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    order = models.PositiveIntegerField(
        _("order"), default=100, help_text=_("Order on the payslip among independent rules.")
    )
    base_kind = models.CharField(
        _("base"), max_length=16, choices=BaseKind.choices, default=BaseKind.GROSS
    )
    base_codes = models.JSONField(
        _("base codes"),
        default=list,
        blank=True,
        help_text=_("Rule codes, hour kinds or input names the base adds up."),
    )
    less_codes = models.JSONField(
        _("less lines"), default=list, blank=True, help_text=_("Rule codes taken off the base.")
    )
    base_offset_parameter = models.CharField(
        _("less parameter"), blank=True, help_text=_("A parameter taken off the base."), **CODE
    )
    computation = models.CharField(_("computation"), max_length=20, choices=Computation.choices)
    amount = models.DecimalField(_("amount"), **RULE_VALUE)
    amount_parameter = models.CharField(_("amount parameter"), blank=True, **CODE)
    rate = models.DecimalField(
        _("rate (%)"),
        help_text=_("For a bracket table: the row value is a percentage of this amount."),
        **RULE_VALUE,
    )
    rate_parameter = models.CharField(_("rate parameter"), blank=True, **CODE)
    floor = models.DecimalField(_("lowest amount"), **RULE_VALUE)
    floor_parameter = models.CharField(_("lowest amount parameter"), blank=True, **CODE)
    cap = models.DecimalField(_("highest amount"), **RULE_VALUE)
    cap_parameter = models.CharField(_("highest amount parameter"), blank=True, **CODE)
    bracket_table = models.ForeignKey(
        PayrollBracketTable,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rules",
        verbose_name=_("bracket table"),
    )
    rounding_places = models.PositiveSmallIntegerField(
        _("rounding"), choices=[(0, _("whole units")), (2, _("cents"))], default=2
    )
    reduces_taxable = models.BooleanField(_("taken off the taxable base"), default=False)
    unless_flag = models.CharField(
        _("applies"), max_length=24, choices=UnlessFlag.choices, blank=True
    )
    gross_from_parameter = models.CharField(_("only when gross is at least"), blank=True, **CODE)
    gross_to_parameter = models.CharField(_("only when gross is at most"), blank=True, **CODE)
    visible_on_payslip = models.BooleanField(_("shown on the payslip"), default=True)
    legal_source = models.TextField(_("legal source"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["rule_set", "order", "code", "effective_from"]
        verbose_name = _("payroll rule")
        verbose_name_plural = _("payroll rules")
        constraints = [
            _dated_check("payroll_rule_range"),
            models.UniqueConstraint(
                fields=["rule_set", "code", "effective_from"], name="payroll_rule_once"
            ),
            models.CheckConstraint(
                condition=Q(rounding_places__in=[0, 2]), name="payroll_rule_rounding"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def clean(self):
        super().clean()
        errors = {}
        for name in ("base_codes", "less_codes"):
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors[name] = _("A list of codes is expected.")
        has_rate = self.rate is not None or self.rate_parameter
        if self.computation == self.Computation.PERCENTAGE and not has_rate:
            errors["rate"] = _("A percentage needs a rate or a rate parameter.")
        if self.computation == self.Computation.FIXED and (
            self.amount is None and not self.amount_parameter
        ):
            errors["amount"] = _("A fixed amount needs an amount or an amount parameter.")
        if self.computation == self.Computation.BRACKET_TABLE and not self.bracket_table_id:
            errors["bracket_table"] = _("Choose the bracket table.")
        if (
            self.base_kind
            in (
                self.BaseKind.LINE,
                self.BaseKind.SUM_OF_LINES,
                self.BaseKind.HOURS,
                self.BaseKind.INPUT,
            )
            and not self.base_codes
        ):
            errors["base_codes"] = _("Name what the base is made of.")
        if self.base_kind == self.BaseKind.LINE and len(self.base_codes or []) > 1:
            errors["base_codes"] = _("A line base names one rule; use a sum of lines for more.")
        for name in ("rate", "amount", "floor", "cap"):
            if getattr(self, name) is not None and getattr(self, name) < Decimal("0"):
                errors[name] = _("Negative values are not allowed.")
        if errors:
            raise ValidationError(errors)
