"""Accounting tables, one module per subject."""

from accounting.models.ledger import (
    Account,
    AccountMonthTotal,
    FiscalPeriod,
    FiscalYear,
    JournalEntry,
    JournalLine,
)
from accounting.models.payables import (
    GoodsReceipt,
    GoodsReceiptLine,
    Payment,
    PaymentBatch,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
    SupplierBill,
    SupplierBillLine,
)
from accounting.models.takings import TakingsImport

__all__ = [
    "Account",
    "AccountMonthTotal",
    "FiscalPeriod",
    "FiscalYear",
    "JournalEntry",
    "JournalLine",
    "GoodsReceipt",
    "GoodsReceiptLine",
    "Payment",
    "PaymentBatch",
    "PurchaseOrder",
    "PurchaseOrderLine",
    "Supplier",
    "SupplierBill",
    "SupplierBillLine",
    "TakingsImport",
]
