"""Accounting forms, one module per subject."""

from accounting.forms.ledger import (
    EntryForm,
    LineForm,
    LineFormSet,
    PeriodReopenForm,
)

__all__ = [
    "EntryForm",
    "LineForm",
    "LineFormSet",
    "PeriodReopenForm",
]
