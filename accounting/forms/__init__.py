"""Accounting forms, one module per subject."""

from accounting.forms.ledger import (
    EntryForm,
    LineForm,
    LineFormSet,
    PeriodReopenForm,
)
from accounting.forms.purchasing import (
    CancelForm,
    GoodsReceiptForm,
    PurchaseOrderFilter,
    PurchaseOrderForm,
    PurchaseOrderLineForm,
    PurchaseOrderLineFormSet,
    RejectForm,
    SupplierFilter,
    SupplierForm,
)

__all__ = [
    "EntryForm",
    "LineForm",
    "LineFormSet",
    "PeriodReopenForm",
    "CancelForm",
    "GoodsReceiptForm",
    "PurchaseOrderFilter",
    "PurchaseOrderForm",
    "PurchaseOrderLineForm",
    "PurchaseOrderLineFormSet",
    "RejectForm",
    "SupplierFilter",
    "SupplierForm",
]
