from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from backoffice.input_guards import validate_sane_date
from backoffice.validators import validate_iban
from hr.validators import (
    HOME_ADDRESS_MAX_LENGTH,
    validate_birth_date,
    validate_cnp,
    validate_phone,
)


class Department(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.CharField(_("code"), max_length=12, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent department"),
    )
    head = models.ForeignKey(
        "hr.Employee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="departments_headed",
        verbose_name=_("head"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class Position(models.Model):
    title = models.CharField(_("title"), max_length=120)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("department"),
    )

    class Meta:
        ordering = ["department__name", "title"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "title"], name="position_unique_title_per_department"
            )
        ]

    def __str__(self):
        return self.title


class Employee(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ON_LEAVE = "on_leave", _("On leave")
        NOTICE = "notice", _("Serving notice")
        TERMINATED = "terminated", _("Terminated")

    class ContractType(models.TextChoices):
        INDEFINITE = "indefinite", _("Indefinite")
        FIXED_TERM = "fixed_term", _("Fixed term")
        PART_TIME = "part_time", _("Part time")
        INTERNSHIP = "internship", _("Internship")
        CONTRACTOR = "contractor", _("Contractor")

    CURRENT = (Status.ACTIVE, Status.ON_LEAVE, Status.NOTICE)
    FULL_TIME_HOURS = Decimal("40.00")
    MAX_WEEKLY_HOURS = Decimal("60.00")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employee",
        verbose_name=_("login"),
        help_text=_("Staff without computer access have no login."),
    )
    employee_number = models.CharField(_("employee number"), max_length=20, unique=True)
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    work_email = models.EmailField(_("work email"), blank=True)
    work_phone = models.CharField(
        _("work phone"), max_length=30, blank=True, validators=[validate_phone]
    )
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="employees",
        verbose_name=_("department"),
    )
    position = models.ForeignKey(
        Position,
        on_delete=models.PROTECT,
        related_name="employees",
        verbose_name=_("position"),
    )
    manager = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("manager"),
    )
    hire_date = models.DateField(_("hire date"), validators=[validate_sane_date])
    status = models.CharField(
        _("employment status"),
        max_length=12,
        choices=Status.choices,
        default=Status.ACTIVE,
        db_index=True,
    )
    termination_date = models.DateField(
        _("last working day"), null=True, blank=True, validators=[validate_sane_date]
    )
    contract_type = models.CharField(
        _("contract type"),
        max_length=12,
        choices=ContractType.choices,
        default=ContractType.INDEFINITE,
        db_index=True,
    )
    contract_end_date = models.DateField(
        _("contract end date"),
        null=True,
        blank=True,
        help_text=_("Required for a fixed-term contract; after the hire date."),
        validators=[validate_sane_date],
    )
    weekly_hours = models.DecimalField(
        _("weekly working hours"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("40.00"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("60.00"))],
        help_text=_("40.00 is full time; a part-time contract has fewer."),
    )

    history = HistoricalRecords(excluded_fields=[])

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        permissions = [
            ("view_directory", _("Can see the staff directory")),
            ("view_team", _("Can see the work records of their own team")),
            ("export_employee", _("Can export the employee records")),
            ("import_employee", _("Can import employee records from a file")),
        ]
        indexes = [models.Index(fields=["last_name", "first_name"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(manager=models.F("pk")),
                name="employee_not_own_manager",
            ),
            models.CheckConstraint(
                condition=models.Q(termination_date__isnull=True)
                | models.Q(termination_date__gte=models.F("hire_date")),
                name="employee_terminated_after_hire",
            ),
            models.CheckConstraint(
                condition=~models.Q(contract_type="fixed_term")
                | models.Q(contract_end_date__isnull=False),
                name="employee_fixed_term_has_end_date",
                violation_error_message=_("A fixed-term contract needs an end date."),
            ),
            models.CheckConstraint(
                condition=models.Q(contract_end_date__isnull=True)
                | models.Q(contract_end_date__gt=models.F("hire_date")),
                name="employee_contract_ends_after_hire",
                violation_error_message=_("The contract must end after the hire date."),
            ),
            models.CheckConstraint(
                condition=models.Q(weekly_hours__gt=0, weekly_hours__lte=60),
                name="employee_weekly_hours_in_range",
                violation_error_message=_("Weekly hours must be above 0 and at most 60."),
            ),
            models.CheckConstraint(
                condition=~models.Q(contract_type="part_time") | models.Q(weekly_hours__lt=40),
                name="employee_part_time_under_full_time",
                violation_error_message=_("A part-time contract has fewer than 40 weekly hours."),
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_current(self) -> bool:
        return self.status in self.CURRENT


class EmployeePersonal(models.Model):
    """Personal data: seen only by HR and the employee (see `hr.selectors`)."""

    employee = models.OneToOneField(
        Employee,
        on_delete=models.CASCADE,
        related_name="personal",
        verbose_name=_("employee"),
    )
    birth_date = models.DateField(
        _("birth date"), null=True, blank=True, validators=[validate_birth_date]
    )
    national_id = models.CharField(_("CNP"), max_length=13, blank=True, validators=[validate_cnp])
    home_address = models.TextField(
        _("home address"),
        blank=True,
        max_length=HOME_ADDRESS_MAX_LENGTH,
        validators=[MaxLengthValidator(HOME_ADDRESS_MAX_LENGTH)],
    )
    personal_phone = models.CharField(
        _("personal phone"), max_length=30, blank=True, validators=[validate_phone]
    )
    personal_email = models.EmailField(_("personal email"), blank=True)
    emergency_contact_name = models.CharField(_("emergency contact"), max_length=120, blank=True)
    emergency_contact_phone = models.CharField(
        _("emergency contact phone"), max_length=30, blank=True, validators=[validate_phone]
    )
    iban = models.CharField(_("IBAN"), max_length=34, blank=True, validators=[validate_iban])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("personal data")
        verbose_name_plural = _("personal data")

    def __str__(self):
        return str(self.employee)


class EmploymentChange(models.Model):
    """One dated change of a tracked work field, written by `employee_change`."""

    class Field(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        POSITION = "position", _("Position")
        MANAGER = "manager", _("Manager")
        STATUS = "status", _("Status")
        CONTRACT_TYPE = "contract_type", _("Contract type")
        CONTRACT_END_DATE = "contract_end_date", _("Contract end date")
        WEEKLY_HOURS = "weekly_hours", _("Weekly hours")

    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="changes",
        verbose_name=_("employee"),
    )
    effective_date = models.DateField(_("effective date"))
    field = models.CharField(_("field"), max_length=20, choices=Field.choices)
    old_value = models.CharField(_("before"), max_length=200, blank=True)
    new_value = models.CharField(_("after"), max_length=200, blank=True)
    old_object_id = models.PositiveBigIntegerField(_("id before"), null=True, blank=True)
    new_object_id = models.PositiveBigIntegerField(_("id after"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    recorded_by = actor_field(_("recorded by"), null=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-effective_date", "-recorded_at", "-pk"]
        verbose_name = _("employment change")
        verbose_name_plural = _("employment changes")
        indexes = [models.Index(fields=["employee", "effective_date"])]

    def __str__(self):
        return f"{self.employee} {self.field} {self.effective_date}"
