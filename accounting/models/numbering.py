"""Gap-tolerant, collision-free document numbers (PO-2026-00001).

One row per series and year holds the last number handed out. Allocation
locks that row (`SELECT ... FOR UPDATE`) inside the caller's transaction,
so two requests never get the same number; a rolled-back transaction gives
its number back with the lock.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentSequence(models.Model):
    series = models.CharField(_("series"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        ordering = ["series", "year"]
        verbose_name = _("document sequence")
        verbose_name_plural = _("document sequences")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year"], name="documentsequence_unique_series_year"
            ),
        ]

    def __str__(self):
        return f"{self.series}-{self.year}: {self.last_number}"
