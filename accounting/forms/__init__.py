"""Accounting forms, one module per subject."""

from accounting.forms.ledger import (
    DateRangeForm,
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
from accounting.forms.takings import (
    TakingsUploadForm,
)

__all__ = [
    "AsOfForm",
    "BillFilterForm",
    "BillForm",
    "BillLineForm",
    "BillLineFormSet",
    "DateRangeForm",
    "DueSoonForm",
    "EntryForm",
    "LineForm",
    "LineFormSet",
    "OrderBillForm",
    "OrderBillLineFormSet",
    "OrderChoiceForm",
    "PaymentBatchForm",
    "PaymentLineForm",
    "PaymentLineFormSet",
    "PeriodReopenForm",
    "ReasonForm",
    "TakingsUploadForm",
]
