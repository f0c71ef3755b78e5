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
from accounting.selectors.payables import (
    BillState,
    bills_due_soon,
    bills_overdue,
    bills_payable,
    bills_with_state,
    order_lines_to_bill,
    orders_to_bill,
    payables_ageing,
    payables_ledger_balance,
    payment_batches,
)

__all__ = [
    "BillState",
    "account_balance",
    "account_ledger",
    "balance_before",
    "balance_before_from_lines",
    "bills_due_soon",
    "bills_overdue",
    "bills_payable",
    "bills_with_state",
    "chart_of_accounts",
    "order_lines_to_bill",
    "orders_to_bill",
    "payables_ageing",
    "payables_ledger_balance",
    "payment_batches",
    "posted_lines",
    "trial_balance",
    "trial_balance_difference",
    "trial_balance_from_lines",
    "uses_month_totals",
]
