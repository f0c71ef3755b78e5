"""Accounting tables, one module per subject.

Django finds the models when this package is imported, so it imports every
module; callers import a model from the module that defines it.
"""

from accounting.models import (  # noqa: F401
    ledger,
    numbering,
    pay,
    payables,
    payroll_rules,
    payroll_runs,
    takings,
)
