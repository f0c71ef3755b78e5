"""Service-level targets per priority, in business hours (backoffice/calendar.py)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from it_support.models.tickets import Priority


class SlaPolicy(models.Model):
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, unique=True
    )
    response_hours = models.DecimalField(
        _("first response within (business hours)"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(0.25)],
    )
    resolution_hours = models.DecimalField(
        _("resolution within (business hours)"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(0.25)],
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority"]
        verbose_name = _("service-level policy")
        verbose_name_plural = _("service-level policies")

    def __str__(self):
        return str(self.get_priority_display())
