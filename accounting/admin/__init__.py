"""Accounting's admin, one module per subject; importing them registers them."""

from accounting.admin import (  # noqa: F401
    ledger,
    pay,
    payables,
    payroll_rules,
    payroll_runs,
    purchasing,
)
