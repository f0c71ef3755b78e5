"""Accounts payable: supplier bills from entry to the ledger, and the payment
batches that settle them.

A bill is entered (directly or from a purchase order, matched against what
was ordered and received: `supplier_bill_matching`), approved by someone
other than the person who entered it, and posted as one balanced entry
crediting the suppliers account (`supplier_bills`). A batch of payments is
prepared, approved by a second person, sent to the bank as a file, and
marked paid, which posts one entry debiting the suppliers account and
crediting the bank (`payment_batches`). Each posting carries a `source_key`,
so the ledger itself refuses a document posted twice. The accountants are
reminded of bills falling due (`supplier_bill_reminders`).
"""

from backoffice.errors import DomainError


class PayablesError(DomainError):
    pass
