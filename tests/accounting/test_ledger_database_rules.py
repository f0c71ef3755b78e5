"""The database keeps the ledger honest even when the services are bypassed."""

from contextlib import contextmanager
from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from accounting.models.ledger import JournalEntry, JournalLine
from accounting.services.ledger import journal_entry_create, journal_entry_post

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the ledger triggers exist on Postgres only"
)


@contextmanager
def atomic_cursor():
    with transaction.atomic(), connection.cursor() as cursor:
        yield cursor


def insert_entry(cursor, *, by, status="draft") -> int:
    cursor.execute(
        """
        INSERT INTO accounting_journalentry
            (date, description, status, source, source_key, created_by_id, created_at,
             posted_by_id, posted_at)
        VALUES ('2026-03-02', 'raw', %s, 'manual', '', %s, now(), %s, now())
        RETURNING id
        """,
        [status, by.pk, by.pk],
    )
    return cursor.fetchone()[0]


def insert_line(cursor, *, entry_id, account, debit="0", credit="0"):
    cursor.execute(
        """
        INSERT INTO accounting_journalline (entry_id, account_id, debit, credit, description)
        VALUES (%s, %s, %s, %s, '')
        """,
        [entry_id, account.pk, debit, credit],
    )


@pytest.fixture
def posted(accountant, cash, sales):
    entry = journal_entry_create(
        by=accountant,
        date=date(2026, 3, 2),
        description="Sale",
        lines=[{"account": cash, "debit": "40.00"}, {"account": sales, "credit": "40.00"}],
    )
    return journal_entry_post(by=accountant, entry=entry)


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_to_commit_an_unbalanced_posted_entry(accountant, cash, sales):
    with pytest.raises(IntegrityError, match="does not balance"), atomic_cursor() as cursor:
        entry_id = insert_entry(cursor, by=accountant)
        insert_line(cursor, entry_id=entry_id, account=cash, debit="100.00")
        insert_line(cursor, entry_id=entry_id, account=sales, credit="99.99")
        cursor.execute(
            "UPDATE accounting_journalentry SET status = 'posted' WHERE id = %s", [entry_id]
        )

    assert not JournalEntry.objects.exists()
    assert not JournalLine.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_to_commit_a_posted_entry_without_lines(accountant):
    with pytest.raises(IntegrityError, match="at least 2"), atomic_cursor() as cursor:
        insert_entry(cursor, by=accountant, status="posted")

    assert not JournalEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_database_commits_a_balanced_posted_entry(accountant, cash, sales):
    with atomic_cursor() as cursor:
        entry_id = insert_entry(cursor, by=accountant)
        insert_line(cursor, entry_id=entry_id, account=cash, debit="10.01")
        insert_line(cursor, entry_id=entry_id, account=sales, credit="10.01")
        cursor.execute(
            "UPDATE accounting_journalentry SET status = 'posted' WHERE id = %s", [entry_id]
        )

    assert JournalEntry.objects.get(pk=entry_id).is_posted


def test_the_database_refuses_to_change_a_posted_line(posted):
    with pytest.raises(IntegrityError, match="is posted"), atomic_cursor() as cursor:
        cursor.execute(
            "UPDATE accounting_journalline SET debit = 41 WHERE entry_id = %s", [posted.pk]
        )
    assert posted.lines.first().debit == Decimal("40.00")


def test_the_database_refuses_to_delete_a_posted_line(posted):
    with pytest.raises(IntegrityError, match="is posted"), atomic_cursor() as cursor:
        cursor.execute("DELETE FROM accounting_journalline WHERE entry_id = %s", [posted.pk])
    assert posted.lines.count() == 2


def test_the_database_refuses_to_delete_or_change_a_posted_entry(posted):
    with pytest.raises(IntegrityError, match="is posted"), atomic_cursor() as cursor:
        cursor.execute("DELETE FROM accounting_journalentry WHERE id = %s", [posted.pk])
    with pytest.raises(IntegrityError, match="is posted"), transaction.atomic():
        JournalEntry.objects.filter(pk=posted.pk).update(description="Rewritten")
    with pytest.raises(IntegrityError, match="is posted"), transaction.atomic():
        JournalEntry.objects.filter(pk=posted.pk).update(status="draft")
    with pytest.raises(IntegrityError, match="is posted"), transaction.atomic():
        posted.delete()
    assert JournalEntry.objects.get(pk=posted.pk).description == "Sale"


def test_the_database_refuses_a_new_line_in_a_posted_entry(posted, cash):
    with pytest.raises(IntegrityError, match="no line can be added"), atomic_cursor() as cursor:
        insert_line(cursor, entry_id=posted.pk, account=cash, debit="1.00")


def test_the_database_refuses_to_post_into_a_closed_period(accountant, cash, sales):
    from accounting.services.ledger import fiscal_period_close, fiscal_year_create

    year = fiscal_year_create(by=accountant, start=date(2026, 1, 1))
    fiscal_period_close(by=accountant, period=year.periods.get(start=date(2026, 3, 1)))
    entry = journal_entry_create(
        by=accountant,
        date=date(2026, 3, 2),
        description="Late",
        lines=[{"account": cash, "debit": "5.00"}, {"account": sales, "credit": "5.00"}],
    )

    with pytest.raises(IntegrityError, match="is closed"), transaction.atomic():
        JournalEntry.objects.filter(pk=entry.pk).update(status="posted", posted_by=accountant)
    with pytest.raises(IntegrityError, match="no fiscal period covers"), transaction.atomic():
        JournalEntry.objects.filter(pk=entry.pk).update(
            date=date(2027, 5, 1), status="posted", posted_by=accountant
        )
    assert not JournalEntry.objects.get(pk=entry.pk).is_posted


def test_the_monthly_totals_cannot_be_written_by_hand(posted, cash):
    from accounting.models.ledger import AccountMonthTotal

    total = AccountMonthTotal.objects.get(account=cash)
    assert (total.month, total.debit) == (date(2026, 3, 1), Decimal("40.00"))
    with pytest.raises(IntegrityError, match="kept by the ledger"), transaction.atomic():
        AccountMonthTotal.objects.filter(pk=total.pk).update(debit=0)
    with pytest.raises(IntegrityError, match="kept by the ledger"), transaction.atomic():
        AccountMonthTotal.objects.create(account=cash, month=date(2026, 4, 1), debit=1)
