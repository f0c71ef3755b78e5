from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from accounting.models.ledger import JournalEntry
from accounting.selectors.ledger import account_balance, trial_balance_difference
from accounting.services.ledger import LedgerError, journal_entry_create, journal_entry_post

DAY = date(2026, 3, 2)


def sale(*, by, cash, sales, amount="120.00", source_key=""):
    return journal_entry_create(
        by=by,
        date=DAY,
        description="Cash sale",
        lines=[
            {"account": cash, "debit": Decimal(amount)},
            {"account": sales, "credit": Decimal(amount)},
        ],
        source=JournalEntry.Source.SALES_IMPORT if source_key else JournalEntry.Source.MANUAL,
        source_key=source_key,
    )


def fire_deferred_checks():
    # Tests run inside a transaction that never commits; this runs the checks now.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_it_posts_a_balanced_entry(accountant, cash, sales):
    entry = journal_entry_post(by=accountant, entry=sale(by=accountant, cash=cash, sales=sales))

    fire_deferred_checks()
    entry.refresh_from_db()
    assert entry.status == JournalEntry.Status.POSTED
    assert entry.posted_by == accountant
    assert entry.posted_at is not None
    assert account_balance(account=cash) == Decimal("120.00")
    assert account_balance(account=sales) == Decimal("-120.00")
    assert trial_balance_difference() == Decimal("0.00")


def test_it_refuses_an_unbalanced_entry_and_changes_nothing(accountant, cash, sales):
    entry = journal_entry_create(
        by=accountant,
        date=DAY,
        description="Off by a cent",
        lines=[
            {"account": cash, "debit": Decimal("100.00")},
            {"account": sales, "credit": Decimal("99.99")},
        ],
    )

    with pytest.raises(LedgerError, match="does not balance"):
        journal_entry_post(by=accountant, entry=entry)

    entry.refresh_from_db()
    assert entry.status == JournalEntry.Status.DRAFT
    assert entry.posted_at is None
    assert account_balance(account=cash) == Decimal("0.00")


def test_it_refuses_an_entry_with_a_single_line(accountant, cash):
    entry = journal_entry_create(
        by=accountant, date=DAY, description="Lonely", lines=[{"account": cash, "debit": "5.00"}]
    )

    with pytest.raises(LedgerError, match="at least two lines"):
        journal_entry_post(by=accountant, entry=entry)


def test_it_refuses_posting_an_entry_twice(accountant, cash, sales):
    entry = journal_entry_post(by=accountant, entry=sale(by=accountant, cash=cash, sales=sales))

    with pytest.raises(LedgerError, match="already posted"):
        journal_entry_post(by=accountant, entry=entry)


def test_it_refuses_the_same_source_document_twice(accountant, cash, sales):
    first = sale(by=accountant, cash=cash, sales=sales, source_key="shop-2026-03-02")
    journal_entry_post(by=accountant, entry=first)

    with pytest.raises(LedgerError, match="shop-2026-03-02 has already been entered"):
        sale(by=accountant, cash=cash, sales=sales, source_key="shop-2026-03-02")

    assert JournalEntry.objects.filter(source_key="shop-2026-03-02").count() == 1
    assert account_balance(account=cash) == Decimal("120.00")


def test_the_database_refuses_a_second_entry_with_the_same_source_key(accountant, cash, sales):
    sale(by=accountant, cash=cash, sales=sales, source_key="bill-17")
    fields = {"date": DAY, "description": "Again", "created_by": accountant}

    with pytest.raises(IntegrityError), transaction.atomic():
        JournalEntry.objects.create(source_key="bill-17", **fields)
    # Entries without a source document share the empty key freely.
    JournalEntry.objects.create(source_key="", **fields)
    JournalEntry.objects.create(source_key="", **fields)


def test_it_refuses_amounts_as_floats_or_below_the_cent(accountant, cash, sales):
    for amount in (12.5, Decimal("12.505")):
        with pytest.raises(LedgerError):
            journal_entry_create(
                by=accountant,
                date=DAY,
                description="Bad amount",
                lines=[{"account": cash, "debit": amount}, {"account": sales, "credit": amount}],
            )
    assert not JournalEntry.objects.exists()


def test_it_refuses_a_line_with_both_a_debit_and_a_credit(accountant, cash, sales):
    with pytest.raises(LedgerError, match="either a debit or a credit"):
        journal_entry_create(
            by=accountant,
            date=DAY,
            description="Both sides",
            lines=[
                {"account": cash, "debit": "1.00", "credit": "1.00"},
                {"account": sales, "credit": "0.00", "debit": "0.00"},
            ],
        )
    assert not JournalEntry.objects.exists()


def test_it_refuses_negative_amounts(accountant, cash, sales):
    with pytest.raises(LedgerError, match="cannot be negative"):
        journal_entry_create(
            by=accountant,
            date=DAY,
            description="Negative",
            lines=[{"account": cash, "debit": "-5.00"}, {"account": sales, "credit": "-5.00"}],
        )


def test_it_refuses_a_line_on_a_closed_account(accountant, cash, sales):
    sales.is_active = False
    sales.save()

    with pytest.raises(LedgerError, match="is closed"):
        sale(by=accountant, cash=cash, sales=sales)
    assert not JournalEntry.objects.exists()
