"""Accounting tables, one module per subject."""

from accounting.models.ledger import (
    Account,
    FiscalPeriod,
    FiscalYear,
    JournalEntry,
    JournalLine,
)

__all__ = [
    "Account",
    "FiscalPeriod",
    "FiscalYear",
    "JournalEntry",
    "JournalLine",
]
