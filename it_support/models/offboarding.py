"""IT's part of a departure, as a ticket with one line per thing to do: revoke the
person's access, and collect each piece of equipment assigned to them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from hr.models.employees import Employee
from it_support.models.inventory import Equipment
from it_support.models.tickets import Ticket


class OffboardingTicketItem(models.Model):
    class Kind(models.TextChoices):
        ACCESS = "access", _("Revoke access")
        EQUIPMENT = "equipment", _("Collect equipment")

    class Outcome(models.TextChoices):
        OPEN = "open", _("To do")
        REVOKED = "revoked", _("Access revoked")
        RETURNED = "returned", _("Returned")
        WRITTEN_OFF = "written_off", _("Written off")

    ticket = models.ForeignKey(
        Ticket,
        on_delete=models.CASCADE,
        related_name="offboarding_items",
        verbose_name=_("ticket"),
    )
    leaver = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="it_offboarding_items",
        verbose_name=_("leaver"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    equipment = models.ForeignKey(
        Equipment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offboarding_items",
        verbose_name=_("equipment"),
    )
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.OPEN
    )
    done_by = actor_field(_("done by"), null=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["ticket_id", "kind", "id"]
        verbose_name = _("offboarding item")
        verbose_name_plural = _("offboarding items")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="access", equipment__isnull=True)
                | Q(kind="equipment", equipment__isnull=False),
                name="it_offboarding_item_equipment_iff_kind",
            ),
        ]

    def __str__(self):
        return str(self.equipment) if self.equipment_id else str(self.get_kind_display())
