"""Accounting tables, one module per subject."""

from accounting.models.ledger import (
    Account,
    AccountMonthTotal,
    FiscalPeriod,
    FiscalYear,
    JournalEntry,
    JournalLine,
)
from accounting.models.numbering import (
    DocumentSequence,
)
from accounting.models.pay import (
    PayItem,
    PayProfile,
    PublicHoliday,
    Timesheet,
    TimesheetDay,
    TimesheetReminder,
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
from accounting.models.payroll_rules import (
    PayrollBracketRow,
    PayrollBracketTable,
    PayrollParameter,
    PayrollRule,
    PayrollRuleSet,
)
from accounting.models.payroll_runs import (
    FinalPay,
    PayrollException,
    PayrollRun,
    PayrollRunChunk,
    Payslip,
    PayslipLine,
)
from accounting.models.takings import (
    TakingsImport,
)

__all__ = [
    "Account",
    "AccountMonthTotal",
    "DocumentSequence",
    "FinalPay",
    "FiscalPeriod",
    "FiscalYear",
    "GoodsReceipt",
    "GoodsReceiptLine",
    "JournalEntry",
    "JournalLine",
    "PayItem",
    "PayProfile",
    "Payment",
    "PaymentBatch",
    "PayrollBracketRow",
    "PayrollBracketTable",
    "PayrollException",
    "PayrollParameter",
    "PayrollRule",
    "PayrollRuleSet",
    "PayrollRun",
    "PayrollRunChunk",
    "Payslip",
    "PayslipLine",
    "PublicHoliday",
    "PurchaseOrder",
    "PurchaseOrderLine",
    "Supplier",
    "SupplierBill",
    "SupplierBillLine",
    "SupplierBillReminder",
    "TakingsImport",
    "Timesheet",
    "TimesheetDay",
    "TimesheetReminder",
]
