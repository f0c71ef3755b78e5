"""Whatever is posted or reversed, the trial balance stays exactly zero and
the monthly totals the database keeps equal the lines they summarise."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounting.models.ledger import Account, AccountMonthTotal
from accounting.selectors.ledger import (
    balance_before,
    balance_before_from_lines,
    posted_lines,
    trial_balance,
    trial_balance_difference,
    trial_balance_from_lines,
)
from accounting.services.ledger import (
    journal_entries_post_many,
    journal_entry_create,
    journal_entry_post,
    journal_entry_reverse,
)
from tests.accounting.factories import AccountFactory

amounts = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2, allow_nan=False
)
days = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 6, 30))
# One entry: a few debit amounts, spread over accounts, balanced by credits that
# split the same total differently, on some day of the first half-year.
entries = st.tuples(
    st.lists(st.tuples(st.integers(0, 4), amounts), min_size=1, max_size=4),
    st.lists(st.integers(0, 4), min_size=1, max_size=3),
    days,
)
steps = st.lists(
    st.one_of(
        entries,
        st.tuples(st.just("bulk"), st.lists(entries, min_size=1, max_size=5)),
        st.just("reverse"),
    ),
    min_size=1,
    max_size=8,
)


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


def assert_month_totals_match_the_lines(accounts):
    recomputed = {
        (row["account"], row["month"]): (row["debit"], row["credit"])
        for row in posted_lines()
        .annotate(month=TruncMonth("entry__date"))
        .values("account", "month")
        .annotate(debit=Sum("debit"), credit=Sum("credit"))
    }
    kept = {
        (row.account_id, row.month): (row.debit, row.credit)
        for row in AccountMonthTotal.objects.all()
    }
    assert kept == recomputed
    for account in accounts:
        for day in (date(2026, 1, 1), date(2026, 3, 17), date(2026, 7, 1)):
            assert balance_before(account=account, day=day) == balance_before_from_lines(
                account=account, day=day
            )
    for start, end in [
        (date(2026, 2, 1), date(2026, 4, 30)),
        (date(2026, 1, 1), date(2026, 6, 30)),
    ]:
        from_totals = [
            (a.code, a.opening, a.period_debit, a.period_credit)
            for a in trial_balance(start=start, end=end)
        ]
        from_lines = [
            (a.code, a.opening, a.period_debit, a.period_credit)
            for a in trial_balance_from_lines(start=start, end=end)
        ]
        assert from_totals == from_lines


@pytest.mark.skipif(connection.vendor != "postgresql", reason="monthly totals live in Postgres")
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_the_trial_balance_is_zero_after_every_posting_and_reversal(accountant, accounts, steps):
    posted = []
    for step in steps:
        if step == "reverse":
            if not posted:
                continue
            entry = journal_entry_reverse(by=accountant, entry=posted.pop(), date=date(2026, 6, 30))
        elif step[0] == "bulk":
            posted += journal_entries_post_many(
                by=accountant,
                entries=[
                    {
                        "date": day,
                        "description": "Random batch",
                        "lines": balanced_lines(accounts, debits, credit_accounts),
                    }
                    for debits, credit_accounts, day in step[1]
                ],
            )
        else:
            debits, credit_accounts, day = step
            entry = journal_entry_create(
                by=accountant,
                date=day,
                description="Random",
                lines=balanced_lines(accounts, debits, credit_accounts),
            )
            entry = journal_entry_post(by=accountant, entry=entry)
            posted.append(entry)
        assert trial_balance_difference() == Decimal("0.00")
        assert_month_totals_match_the_lines(accounts)
    with connection.cursor() as cursor:
        # The database's deferred balance checks agree.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
