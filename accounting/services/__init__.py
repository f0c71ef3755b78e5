"""Every accounting write that matters, one module per subject."""

from accounting.services.ledger import (
    LedgerError,
    LineData,
    fiscal_period_close,
    fiscal_period_reopen,
    fiscal_year_create,
    journal_entry_create,
    journal_entry_post,
    journal_entry_reverse,
)

__all__ = [
    "LedgerError",
    "LineData",
    "fiscal_period_close",
    "fiscal_period_reopen",
    "fiscal_year_create",
    "journal_entry_create",
    "journal_entry_post",
    "journal_entry_reverse",
]
