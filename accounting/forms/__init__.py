"""Accounting forms, one module per subject."""

from accounting.forms.ledger import (
    DateRangeForm,
    EntryForm,
    LineForm,
    LineFormSet,
    PeriodReopenForm,
)

__all__ = [
    "DateRangeForm",
    "EntryForm",
    "LineForm",
    "LineFormSet",
    "PeriodReopenForm",
]
