from datetime import date
from decimal import Decimal

import pytest

from accounting.models.ledger import JournalEntry
from accounting.selectors.ledger import account_balance, trial_balance_difference
from accounting.services.ledger import (
    LedgerError,
    journal_entry_create,
    journal_entry_post,
    journal_entry_reverse,
)


@pytest.fixture
def rent_paid(accountant, cash, rent):
    entry = journal_entry_create(
        by=accountant,
        date=date(2026, 3, 1),
        description="March rent",
        lines=[
            {"account": rent, "debit": Decimal("950.00")},
            {"account": cash, "credit": Decimal("950.00")},
        ],
    )
    return journal_entry_post(by=accountant, entry=entry)


def test_a_reversal_nets_the_balances_to_zero(accountant, cash, rent, rent_paid):
    reversal = journal_entry_reverse(by=accountant, entry=rent_paid, date=date(2026, 3, 5))

    assert reversal.status == JournalEntry.Status.POSTED
    assert reversal.reverses == rent_paid
    assert [(line.account, line.debit, line.credit) for line in reversal.lines.all()] == [
        (rent, Decimal("0.00"), Decimal("950.00")),
        (cash, Decimal("950.00"), Decimal("0.00")),
    ]
    assert account_balance(account=rent) == Decimal("0.00")
    assert account_balance(account=cash) == Decimal("0.00")
    assert trial_balance_difference() == Decimal("0.00")


def test_it_refuses_reversing_an_entry_twice(accountant, rent_paid):
    journal_entry_reverse(by=accountant, entry=rent_paid, date=date(2026, 3, 5))

    with pytest.raises(LedgerError, match="already been reversed"):
        journal_entry_reverse(by=accountant, entry=rent_paid, date=date(2026, 3, 6))
    assert JournalEntry.objects.filter(reverses=rent_paid).count() == 1


def test_it_refuses_reversing_a_draft(accountant, cash, rent):
    draft = journal_entry_create(
        by=accountant,
        date=date(2026, 3, 1),
        description="Draft",
        lines=[{"account": rent, "debit": "1.00"}, {"account": cash, "credit": "1.00"}],
    )

    with pytest.raises(LedgerError, match="Only a posted entry"):
        journal_entry_reverse(by=accountant, entry=draft, date=date(2026, 3, 2))
