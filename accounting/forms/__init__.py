"""Accounting forms, one module per subject."""

from accounting.forms.ledger import (
    EntryForm,
    LineForm,
    LineFormSet,
    PeriodReopenForm,
)
from accounting.forms.payables import (
    AsOfForm,
    BillFilterForm,
    BillForm,
    BillLineForm,
    BillLineFormSet,
    DueSoonForm,
    OrderBillForm,
    OrderBillLineFormSet,
    OrderChoiceForm,
    PaymentBatchForm,
    PaymentLineForm,
    PaymentLineFormSet,
    ReasonForm,
)

__all__ = [
    "AsOfForm",
    "BillFilterForm",
    "BillForm",
    "BillLineForm",
    "BillLineFormSet",
    "DueSoonForm",
    "OrderBillForm",
    "OrderBillLineFormSet",
    "OrderChoiceForm",
    "PaymentBatchForm",
    "PaymentLineForm",
    "PaymentLineFormSet",
    "ReasonForm",
    "EntryForm",
    "LineForm",
    "LineFormSet",
    "PeriodReopenForm",
]
