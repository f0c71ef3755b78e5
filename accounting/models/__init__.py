"""Accounting tables, one module per subject."""

from accounting.models.ledger import (
    Account,
    FiscalPeriod,
    FiscalYear,
    JournalEntry,
    JournalLine,
)
from accounting.models.numbering import DocumentSequence
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

__all__ = [
    "Account",
    "FiscalPeriod",
    "FiscalYear",
    "JournalEntry",
    "JournalLine",
    "DocumentSequence",
    "GoodsReceipt",
    "GoodsReceiptLine",
    "Payment",
    "PaymentBatch",
    "PurchaseOrder",
    "PurchaseOrderLine",
    "Supplier",
    "SupplierBill",
    "SupplierBillLine",
]
