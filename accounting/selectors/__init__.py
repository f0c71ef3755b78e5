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
    BILLABLE_ORDER_STATUSES,
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
    "AGEING_BUCKETS",
    "BILLABLE_ORDER_STATUSES",
    "BillState",
    "bills_due_soon",
    "bills_overdue",
    "bills_payable",
    "bills_with_state",
    "order_lines_to_bill",
    "orders_to_bill",
    "payables_ageing",
    "payables_ledger_balance",
    "payment_batches",
    "account_balance",
    "account_ledger",
    "chart_of_accounts",
    "posted_lines",
    "trial_balance_difference",
]
