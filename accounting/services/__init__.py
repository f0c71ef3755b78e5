"""Every accounting write that matters, one module per subject."""

from accounting.services.ledger import (
    EntryData,
    LedgerError,
    LineData,
    fiscal_period_close,
    fiscal_period_reopen,
    fiscal_year_create,
    journal_entries_post_many,
    journal_entry_create,
    journal_entry_post,
    journal_entry_reverse,
)
from accounting.services.takings import (
    TakingsImportError,
    parse_takings_csv,
    takings_import_confirm,
    takings_import_discard,
    takings_import_upload,
)

__all__ = [
    "LedgerError",
    "EntryData",
    "LineData",
    "fiscal_period_close",
    "fiscal_period_reopen",
    "fiscal_year_create",
    "journal_entries_post_many",
    "journal_entry_create",
    "journal_entry_post",
    "journal_entry_reverse",
    "TakingsImportError",
    "parse_takings_csv",
    "takings_import_confirm",
    "takings_import_discard",
    "takings_import_upload",
]
