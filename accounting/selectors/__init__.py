"""Accounting reads, one module per subject."""

from accounting.selectors.ledger import (
    account_balance,
    account_ledger,
    chart_of_accounts,
    posted_lines,
    trial_balance_difference,
)
from accounting.selectors.payables import (
    AGEING_BUCKETS,
    BillState,
    bills_due_soon,
    bills_overdue,
    bills_payable,
    bills_with_state,
    payables_ageing,
    payables_ledger_balance,
    payment_batches,
)

__all__ = [
    "AGEING_BUCKETS",
    "BillState",
    "bills_due_soon",
    "bills_overdue",
    "bills_payable",
    "bills_with_state",
    "payables_ageing",
    "payables_ledger_balance",
    "payment_batches",
    "account_balance",
    "account_ledger",
    "chart_of_accounts",
    "posted_lines",
    "trial_balance_difference",
]
