"""Whatever bills, payments and manual corrections happen, the books agree.

Random sequences of supplier bills (random lines and VAT rates) posted,
batches paying them in full or in part posted, and manual entries posted
and reversed. After every step: each posted entry balances, the trial
balance is exactly zero, every bill's stored totals are the sums of its
lines, and what the ledger owes suppliers (401, credit minus debit) is the
sum of the open amounts of the posted bills.
"""

import itertools
from datetime import date
from decimal import Decimal

import pytest
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounting.models.ledger import JournalEntry
from accounting.models.payables import SupplierBill
from accounting.money import ZERO, to_cent
from accounting.selectors import ledger as ledger_selectors
from accounting.selectors import payables as payables_selectors
from accounting.services import ledger as ledger_services
from accounting.services.supplier_bills import (
    supplier_bill_approve,
    supplier_bill_cancel,
    supplier_bill_create,
    supplier_bill_post,
)
from tests.accounting.factories import SupplierFactory
from tests.accounting.payables import paid_batch

numbers = itertools.count(1)

bill_lines = st.lists(
    st.tuples(
        st.decimals(min_value=Decimal("0.001"), max_value=Decimal("500"), places=3),
        st.decimals(min_value=Decimal("0"), max_value=Decimal("9999.9999"), places=4),
        st.sampled_from([Decimal("0"), Decimal("5"), Decimal("9"), Decimal("19"), Decimal("21")]),
    ),
    min_size=1,
    max_size=4,
)
bill_step = st.tuples(st.just("bill"), st.integers(0, 2), bill_lines)
pay_step = st.tuples(
    st.just("pay"),
    st.lists(
        st.tuples(st.integers(0, 30), st.sampled_from(["full", "half", "third", "cent"])),
        min_size=1,
        max_size=3,
    ),
)
manual_step = st.tuples(
    st.just("manual"),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
)
steps = st.lists(
    st.one_of(bill_step, bill_step, pay_step, manual_step, st.just(("reverse",))),
    min_size=1,
    max_size=8,
)
SHARE = {"full": Decimal("1"), "half": Decimal("0.5"), "third": Decimal("1") / 3}


@pytest.fixture
def suppliers(standard_chart):
    return [
        SupplierFactory(default_expense_account=standard_chart[code])
        for code in ("604", "628", "371")
    ]


def enter_and_post(bookkeeper, controller, supplier, lines):
    bill = supplier_bill_create(
        by=bookkeeper,
        supplier=supplier,
        number=f"R-{next(numbers)}",
        bill_date=date(2026, 3, 2),
        lines=[
            {"description": "Random", "quantity": q, "unit_price": p, "vat_rate": v}
            for q, p, v in lines
        ],
    )
    if bill.total == ZERO:
        return supplier_bill_cancel(by=bookkeeper, bill=bill)
    supplier_bill_approve(by=controller, bill=bill)
    return supplier_bill_post(by=bookkeeper, bill=bill)


def pay(bookkeeper, controller, choices):
    open_bills = list(payables_selectors.bills_payable())
    if not open_bills:
        return
    payments = {}
    for index, share in choices:
        bill = open_bills[index % len(open_bills)]
        if share == "cent":
            amount = Decimal("0.01")
        else:
            amount = max(to_cent(bill.available * SHARE[share]), Decimal("0.01"))
        payments.setdefault(bill.pk, {"bill": bill, "amount": amount})
    paid_batch(by=bookkeeper, approver=controller, payments=list(payments.values()))


def assert_the_books_agree():
    unbalanced = (
        JournalEntry.objects.filter(status=JournalEntry.Status.POSTED)
        .annotate(
            debit=Coalesce(Sum("lines__debit"), ZERO), credit=Coalesce(Sum("lines__credit"), ZERO)
        )
        .exclude(debit=F("credit"))
    )
    assert not unbalanced.exists()
    assert ledger_selectors.trial_balance_difference() == ZERO
    wrong_totals = SupplierBill.objects.annotate(
        lines_net=Coalesce(Sum("lines__net_amount"), ZERO),
        lines_vat=Coalesce(Sum("lines__vat_amount"), ZERO),
    ).filter(
        ~Q(net_amount=F("lines_net"))
        | ~Q(vat_amount=F("lines_vat"))
        | ~Q(total=F("lines_net") + F("lines_vat"))
    )
    assert not wrong_totals.exists()
    open_total = (
        payables_selectors.bills_with_state()
        .filter(status=SupplierBill.Status.POSTED)
        .aggregate(total=Coalesce(Sum("open_amount"), ZERO))["total"]
    )
    assert payables_selectors.payables_ledger_balance() == open_total
    assert (
        payables_selectors.payables_ageing(as_of=date(2026, 12, 31))["totals"]["total"]
        == open_total
    )


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_the_ledger_owes_suppliers_exactly_the_open_bills(
    bookkeeper, controller, suppliers, standard_chart, steps
):
    manual = []
    for step in steps:
        kind = step[0]
        if kind == "bill":
            enter_and_post(bookkeeper, controller, suppliers[step[1]], step[2])
        elif kind == "pay":
            pay(bookkeeper, controller, step[1])
        elif kind == "manual":
            entry = ledger_services.journal_entry_create(
                by=bookkeeper,
                date=date(2026, 3, 5),
                description="Bank charges",
                lines=[
                    {"account": standard_chart["627"], "debit": step[1]},
                    {"account": standard_chart["5121"], "credit": step[1]},
                ],
            )
            manual.append(ledger_services.journal_entry_post(by=bookkeeper, entry=entry))
        elif manual:
            ledger_services.journal_entry_reverse(
                by=bookkeeper, entry=manual.pop(), date=date(2026, 3, 6)
            )
        assert_the_books_agree()
