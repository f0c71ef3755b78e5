"""The demo year of payables: coherent with the ledger, quick, and seeded once."""

import time
from decimal import Decimal

from django.core.management import call_command

from accounting.models.payables import PaymentBatch, SupplierBill
from accounting.selectors import ledger as ledger_selectors
from accounting.selectors import payables as payables_selectors


def test_the_demo_has_paid_open_and_overdue_bills_that_agree_with_the_ledger(db):
    started = time.monotonic()
    call_command("seed_demo", employees=0)
    elapsed = time.monotonic() - started

    states = set(payables_selectors.bills_with_state().values_list("state", flat=True))
    assert {"paid", "unpaid", "overdue", "partly_paid"} <= states
    assert SupplierBill.objects.count() >= 60
    assert PaymentBatch.objects.filter(status=PaymentBatch.Status.POSTED).count() >= 10
    ageing = payables_selectors.payables_ageing()
    assert ageing["totals"]["total"] > Decimal("0.00")
    assert ageing["totals"]["total"] == payables_selectors.payables_ledger_balance()
    assert ledger_selectors.trial_balance_difference() == Decimal("0.00")
    assert elapsed < 15  # seconds for the whole seed, on a loaded shared test machine

    bills = SupplierBill.objects.count()
    call_command("seed_demo", employees=0)
    assert SupplierBill.objects.count() == bills
