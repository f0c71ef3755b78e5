"""Accounting tables, one module per subject."""

from accounting.models.ledger import (
    Account,
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
    SupplierBillReminder,
)

__all__ = [
    "Account",
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
    "SupplierBillReminder",
]
