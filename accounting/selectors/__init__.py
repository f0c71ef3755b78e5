"""Accounting reads, one module per subject."""

from accounting.selectors.ledger import (
    account_balance,
    account_ledger,
    balance_before,
    balance_before_from_lines,
    chart_of_accounts,
    posted_lines,
    trial_balance,
    trial_balance_difference,
    trial_balance_from_lines,
    uses_month_totals,
)

__all__ = [
    "account_balance",
    "account_ledger",
    "balance_before",
    "balance_before_from_lines",
    "chart_of_accounts",
    "posted_lines",
    "trial_balance",
    "trial_balance_difference",
    "trial_balance_from_lines",
    "uses_month_totals",
]
