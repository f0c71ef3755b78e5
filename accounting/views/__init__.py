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
]
