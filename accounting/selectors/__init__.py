"""Accounting reads, one module per subject."""

from accounting.selectors.ledger import (
    account_balance,
    account_ledger,
    chart_of_accounts,
    posted_lines,
    trial_balance_difference,
)
from accounting.selectors.purchasing import (
    Totals,
    purchase_order_lines,
    purchase_order_list,
    purchase_order_receipts,
    purchase_order_totals,
    purchase_orders_awaiting_approval_by,
    purchase_orders_visible_to,
    supplier_list,
    suppliers_visible_to,
    totals_of,
    with_totals,
)

__all__ = [
    "account_balance",
    "account_ledger",
    "chart_of_accounts",
    "posted_lines",
    "trial_balance_difference",
    "Totals",
    "purchase_order_lines",
    "purchase_order_list",
    "purchase_order_receipts",
    "purchase_order_totals",
    "purchase_orders_awaiting_approval_by",
    "purchase_orders_visible_to",
    "supplier_list",
    "suppliers_visible_to",
    "totals_of",
    "with_totals",
]
