"""Accounting forms, one module per subject."""

from accounting.forms.ledger import (
    DateRangeForm,
    EntryForm,
    LineForm,
    LineFormSet,
    PeriodReopenForm,
)
from accounting.forms.pay import (
    MonthField,
    MonthForm,
    PayItemFilter,
    PayItemForm,
    PayProfileFilter,
    PayProfileForm,
    TimesheetGridForm,
    TimesheetReturnForm,
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
from accounting.forms.payroll_payments import (
    PayrollRunPaidForm,
)
from accounting.forms.payroll_rules import (
    PayrollBracketRowsForm,
    PayrollCodeListField,
    PayrollParameterForm,
    PayrollRuleForm,
    PayrollTryForm,
)
from accounting.forms.payroll_runs import (
    PayrollRunForm,
)
from accounting.forms.purchasing import (
    BasePurchaseOrderLineFormSet,
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
from accounting.forms.takings import (
    TakingsUploadForm,
)

__all__ = [
    "AsOfForm",
    "BasePurchaseOrderLineFormSet",
    "BillFilterForm",
    "BillForm",
    "BillLineForm",
    "BillLineFormSet",
    "CancelForm",
    "DateRangeForm",
    "DueSoonForm",
    "EntryForm",
    "GoodsReceiptForm",
    "LineForm",
    "LineFormSet",
    "MonthField",
    "MonthForm",
    "OrderBillForm",
    "OrderBillLineFormSet",
    "OrderChoiceForm",
    "PayItemFilter",
    "PayItemForm",
    "PayProfileFilter",
    "PayProfileForm",
    "PaymentBatchForm",
    "PaymentLineForm",
    "PaymentLineFormSet",
    "PayrollBracketRowsForm",
    "PayrollCodeListField",
    "PayrollParameterForm",
    "PayrollRuleForm",
    "PayrollRunForm",
    "PayrollRunPaidForm",
    "PayrollTryForm",
    "PeriodReopenForm",
    "PurchaseOrderFilter",
    "PurchaseOrderForm",
    "PurchaseOrderLineForm",
    "PurchaseOrderLineFormSet",
    "ReasonForm",
    "RejectForm",
    "SupplierFilter",
    "SupplierForm",
    "TakingsUploadForm",
    "TimesheetGridForm",
    "TimesheetReturnForm",
]
