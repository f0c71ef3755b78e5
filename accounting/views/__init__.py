"""Accounting pages, one module per subject."""

from accounting.views.ledger import (
    account_ledger,
    account_list,
    entry_create,
    entry_detail,
    entry_post,
    entry_reverse,
    index,
    period_close,
    period_list,
    period_reopen,
    trial_balance,
)
from accounting.views.takings import (
    takings_import,
    takings_import_confirm_view,
    takings_import_detail,
    takings_import_discard_view,
)

__all__ = [
    "account_ledger",
    "account_list",
    "entry_create",
    "entry_detail",
    "entry_post",
    "entry_reverse",
    "index",
    "period_close",
    "period_list",
    "period_reopen",
    "trial_balance",
    "takings_import",
    "takings_import_confirm_view",
    "takings_import_detail",
    "takings_import_discard_view",
]
