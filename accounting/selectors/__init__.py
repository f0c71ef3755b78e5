"""Accounting reads, one module per subject."""

from accounting.selectors.ledger import (
    account_balance,
    account_ledger,
    chart_of_accounts,
    posted_lines,
    trial_balance_difference,
)

__all__ = [
    "account_balance",
    "account_ledger",
    "chart_of_accounts",
    "posted_lines",
    "trial_balance_difference",
]
