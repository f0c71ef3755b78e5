"""Software licences: how many seats were bought, who or what uses them, when they end."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from it_support.models.inventory import Equipment, System


class Licence(models.Model):
    """A licence for a system of ours or a product (an office suite, an antivirus)."""

    name = models.CharField(_("name"), max_length=120)
    system = models.ForeignKey(
        System,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="licences",
        verbose_name=_("system"),
    )
    product = models.CharField(
        _("product"), max_length=120, blank=True, help_text=_("When it is not one of our systems.")
    )
    vendor = models.CharField(_("vendor"), max_length=120, blank=True)
    seats_total = models.PositiveIntegerField(_("seats bought"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
        constraints = [
            models.CheckConstraint(
                condition=Q(system__isnull=False) | ~Q(product=""),
                name="it_licence_system_or_product",
            ),
            models.CheckConstraint(condition=Q(seats_total__gte=1), name="it_licence_seats_pos"),
        ]
        indexes = [models.Index(fields=["expires_on"], name="it_licence_expires_idx")]

    def __str__(self):
        return self.name


class LicenceAssignment(models.Model):
    """One seat of a licence, used by an employee or by a piece of equipment."""

    licence = models.ForeignKey(
        Licence, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("licence")
    )
    employee = models.ForeignKey(
        "hr.Employee",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="licence_seats",
        verbose_name=_("employee"),
    )
    equipment = models.ForeignKey(
        Equipment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="licence_seats",
        verbose_name=_("equipment"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    assigned_by = models.ForeignKey(
        "auth.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )

    class Meta:
        ordering = ["-assigned_at"]
        verbose_name = _("licence seat")
        verbose_name_plural = _("licence seats")
        constraints = [
            models.CheckConstraint(
                condition=Q(employee__isnull=True, equipment__isnull=False)
                | Q(employee__isnull=False, equipment__isnull=True),
                name="it_licence_seat_one_holder",
            ),
            models.UniqueConstraint(
                fields=["licence", "employee"], name="it_licence_seat_employee_once"
            ),
            models.UniqueConstraint(
                fields=["licence", "equipment"], name="it_licence_seat_equipment_once"
            ),
        ]

    def __str__(self):
        return f"{self.licence}: {self.employee or self.equipment}"


class LicenceExpiryNotice(models.Model):
    """Remembers that a licence's expiry was announced at a threshold, so it is told once."""

    licence = models.ForeignKey(
        Licence, on_delete=models.CASCADE, related_name="expiry_notices", verbose_name=_("licence")
    )
    threshold_days = models.PositiveSmallIntegerField(_("days before expiry"))
    expires_on = models.DateField(_("expires on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("licence expiry notice")
        verbose_name_plural = _("licence expiry notices")
        constraints = [
            models.UniqueConstraint(
                fields=["licence", "threshold_days", "expires_on"], name="it_licence_notice_once"
            )
        ]

    def __str__(self):
        return f"{self.licence} -{self.threshold_days}d"
