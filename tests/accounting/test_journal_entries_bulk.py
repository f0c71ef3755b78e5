"""The set-based posting path: many entries at once, all or nothing."""

from datetime import date
from decimal import Decimal

import pytest

from accounting.models.ledger import JournalEntry, JournalLine
from accounting.selectors.ledger import account_balance
from accounting.services.ledger import (
    LedgerError,
    fiscal_period_close,
    fiscal_year_create,
    journal_entries_post_many,
)
from hr.models.employees import Department


def sale(cash, sales, amount, *, day=date(2026, 3, 2), key=""):
    return {
        "date": day,
        "description": f"Takings {amount}",
        "source": JournalEntry.Source.SALES_IMPORT,
        "source_key": key,
        "lines": [
            {"account": cash, "debit": Decimal(amount)},
            {"account": sales, "credit": Decimal(amount)},
        ],
    }


def test_many_entries_post_in_a_bounded_number_of_queries(
    accountant, cash, sales, django_assert_max_num_queries
):
    batch = [sale(cash, sales, f"{i}.01", key=f"till:{i}") for i in range(1, 201)]

    with django_assert_max_num_queries(10):
        entries = journal_entries_post_many(by=accountant, entries=batch)

    assert len(entries) == 200
    assert JournalEntry.objects.filter(status="posted").count() == 200
    assert JournalLine.objects.count() == 400
    assert account_balance(account=cash) == sum(Decimal(f"{i}.01") for i in range(1, 201))
    history = JournalEntry.history.filter(id=entries[0].pk).get()
    assert (history.status, history.history_user) == ("posted", accountant)


def test_one_unbalanced_entry_stops_the_whole_batch(accountant, cash, sales):
    bad = sale(cash, sales, "5.00")
    bad["lines"][1]["credit"] = Decimal("4.99")

    with pytest.raises(LedgerError, match="does not balance"):
        journal_entries_post_many(by=accountant, entries=[sale(cash, sales, "1.00"), bad])

    assert not JournalEntry.objects.exists()


def test_a_document_already_in_the_ledger_stops_the_batch(accountant, cash, sales):
    journal_entries_post_many(by=accountant, entries=[sale(cash, sales, "1.00", key="till:1")])

    with pytest.raises(LedgerError, match="till:1"):
        journal_entries_post_many(
            by=accountant,
            entries=[
                sale(cash, sales, "2.00", key="till:2"),
                sale(cash, sales, "1.00", key="till:1"),
            ],
        )
    with pytest.raises(LedgerError, match="till:3"):
        journal_entries_post_many(
            by=accountant,
            entries=[
                sale(cash, sales, "3.00", key="till:3"),
                sale(cash, sales, "3.00", key="till:3"),
            ],
        )

    assert JournalEntry.objects.count() == 1


def test_a_closed_period_stops_the_batch(accountant, cash, sales):
    year = fiscal_year_create(by=accountant, start=date(2026, 1, 1))
    fiscal_period_close(by=accountant, period=year.periods.get(start=date(2026, 2, 1)))

    with pytest.raises(LedgerError, match="closed"):
        journal_entries_post_many(
            by=accountant,
            entries=[sale(cash, sales, "1.00"), sale(cash, sales, "1.00", day=date(2026, 2, 27))],
        )

    assert not JournalEntry.objects.exists()


def test_floats_and_fractions_of_a_cent_are_refused(accountant, cash, sales):
    entry = sale(cash, sales, "1.00")
    entry["lines"][0]["debit"] = 1.0
    with pytest.raises(LedgerError, match="decimals"):
        journal_entries_post_many(by=accountant, entries=[entry])
    entry = sale(cash, sales, "1.005")
    with pytest.raises(LedgerError, match="cent"):
        journal_entries_post_many(by=accountant, entries=[entry])
    assert not JournalEntry.objects.exists()


def test_lines_carry_their_cost_centre(accountant, cash, sales):
    shop = Department.objects.create(code="SHOP", name="Shop")
    entry = sale(cash, sales, "8.00")
    entry["lines"][1]["department"] = shop

    (posted,) = journal_entries_post_many(by=accountant, entries=[entry])

    assert posted.lines.get(account=sales).department == shop
