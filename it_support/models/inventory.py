"""What IT keeps running: business systems (the cash-register program, databases,
ordering systems) and the equipment they run on (registers, PCs, printers, phones).

Tickets and change requests point at these, so each item's history shows its
faults and changes.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Criticality(models.TextChoices):
    CRITICAL = "critical", _("Critical: sales stop without it")
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class System(models.Model):
    """A piece of business software the company depends on."""

    class Kind(models.TextChoices):
        CASH_REGISTER = "cash_register", _("Cash-register program")
        DATABASE = "database", _("Database")
        ORDERING = "ordering", _("Ordering system")
        BUSINESS = "business", _("Other business software")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    owner = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_systems",
        verbose_name=_("business owner"),
        help_text=_("Approves changes to the system together with the IT lead."),
    )
    vendor = models.CharField(_("vendor"), max_length=120, blank=True)
    version = models.CharField(_("version"), max_length=60, blank=True)
    runs_on = models.CharField(
        _("where it runs"), max_length=200, blank=True, help_text=_("Server, cloud or site.")
    )
    criticality = models.CharField(
        _("criticality"), max_length=10, choices=Criticality.choices, default=Criticality.MEDIUM
    )
    active = models.BooleanField(_("in use"), default=True)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("system")
        verbose_name_plural = _("systems")

    def __str__(self):
        return self.name


class Equipment(models.Model):
    """A physical item with a tag: a register, PC, printer, phone or network device."""

    class Kind(models.TextChoices):
        REGISTER = "register", _("Cash register")
        PC = "pc", _("Computer")
        LAPTOP = "laptop", _("Laptop")
        PRINTER = "printer", _("Printer")
        PHONE = "phone", _("Phone")
        NETWORK = "network", _("Network device")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        IN_USE = "in_use", _("In use")
        IN_STOCK = "in_stock", _("In stock")
        REPAIR = "repair", _("In repair")
        RETIRED = "retired", _("Retired")

    tag = models.CharField(
        _("asset tag"), max_length=30, unique=True, help_text=_("The label on the item.")
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    serial = models.CharField(_("serial number"), max_length=80, blank=True)
    system = models.ForeignKey(
        System,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="equipment",
        verbose_name=_("runs"),
    )
    location = models.CharField(_("location"), max_length=120, blank=True)
    assigned_to = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="equipment",
        verbose_name=_("assigned to"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IN_USE
    )
    purchase_date = models.DateField(_("purchase date"), null=True, blank=True)
    warranty_end = models.DateField(_("warranty end"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["tag"]
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")
        constraints = [
            models.CheckConstraint(
                condition=Q(warranty_end__isnull=True)
                | Q(purchase_date__isnull=True)
                | Q(warranty_end__gte=F("purchase_date")),
                name="it_equipment_warranty_after_purchase",
            ),
        ]
        indexes = [models.Index(fields=["location"], name="it_equipment_location_idx")]

    def __str__(self):
        return f"{self.tag} {self.name}"

    def clean(self):
        if self.purchase_date and self.warranty_end and self.warranty_end < self.purchase_date:
            raise ValidationError({"warranty_end": _("The warranty cannot end before purchase.")})
