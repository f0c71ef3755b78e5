"""Whatever is posted or reversed, the trial balance stays exactly zero."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounting.models import Account
from accounting.selectors import trial_balance_difference
from accounting.services import journal_entry_create, journal_entry_post, journal_entry_reverse
from tests.accounting.factories import AccountFactory

amounts = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2, allow_nan=False
)
# One entry: a few debit amounts, spread over accounts, balanced by credits that
# split the same total differently.
entries = st.tuples(
    st.lists(st.tuples(st.integers(0, 4), amounts), min_size=1, max_size=4),
    st.lists(st.integers(0, 4), min_size=1, max_size=3),
)
steps = st.lists(st.one_of(entries, st.just("reverse")), min_size=1, max_size=8)


def balanced_lines(accounts, debits, credit_accounts):
    lines = [{"account": accounts[i], "debit": amount} for i, amount in debits]
    total = sum((amount for _, amount in debits), Decimal("0.00"))
    share = (total / len(credit_accounts)).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    remainder = total
    for position, i in enumerate(credit_accounts):
        amount = remainder if position == len(credit_accounts) - 1 else share
        remainder -= amount
        if amount:
            lines.append({"account": accounts[i], "credit": amount})
    return lines


@pytest.fixture
def accounts(db):
    return [AccountFactory(code=f"9{i}00", type=Account.Type.ASSET) for i in range(5)]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=steps)
def test_the_trial_balance_is_zero_after_every_posting_and_reversal(accountant, accounts, steps):
    posted = []
    for step in steps:
        if step == "reverse":
            if not posted:
                continue
            entry = journal_entry_reverse(by=accountant, entry=posted.pop(), date=date(2026, 4, 1))
        else:
            debits, credit_accounts = step
            entry = journal_entry_create(
                by=accountant,
                date=date(2026, 3, 1),
                description="Random",
                lines=balanced_lines(accounts, debits, credit_accounts),
            )
            entry = journal_entry_post(by=accountant, entry=entry)
            posted.append(entry)
        assert trial_balance_difference() == Decimal("0.00")
    with connection.cursor() as cursor:
        # The database's deferred balance checks agree.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
