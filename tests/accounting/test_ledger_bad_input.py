"""Bad input to the ledger service is the ledger's own error, with nothing written;
the journal cannot be emptied with TRUNCATE."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from accounting.models.ledger import Account, JournalEntry, JournalLine
from accounting.services.ledger import LedgerError, journal_entry_create
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def create(accountant, *lines):
    return journal_entry_create(
        by=accountant, date=date(2026, 3, 2), description="Sale", lines=list(lines)
    )


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("abc", "abc is not an amount"),
        ("NaN", "NaN is not an amount"),
        (Decimal("1E+13"), "larger than the ledger holds"),
        ("10000000000000.00", "larger than the ledger holds"),
        ("1.001", "kept to the cent"),
    ],
)
def test_an_amount_the_ledger_cannot_hold_is_refused_with_a_message(
    accountant, cash, sales, amount, message
):
    with pytest.raises(LedgerError, match=message):
        create(accountant, {"account": cash, "debit": amount}, {"account": sales, "credit": "1"})
    assert not JournalEntry.objects.exists()


def test_the_largest_amount_a_line_holds_is_accepted(accountant, cash, sales):
    entry = create(
        accountant,
        {"account": cash, "debit": "999999999999.99"},
        {"account": sales, "credit": "999999999999.99"},
    )
    assert entry.lines.count() == 2


def test_an_account_not_in_the_chart_is_refused_before_anything_is_written(accountant, cash, sales):
    ghost = Account(pk=987654, code="999", name="Ghost", type=Account.Type.ASSET)
    with pytest.raises(LedgerError, match="999 Ghost is not in the chart of accounts"):
        create(accountant, {"account": ghost, "debit": "1"}, {"account": sales, "credit": "1"})
    with pytest.raises(LedgerError, match="needs an account"):
        create(accountant, {"account": None, "debit": "1"}, {"account": sales, "credit": "1"})
    assert not JournalEntry.objects.exists()


def test_a_cost_centre_that_does_not_exist_is_refused(accountant, cash, sales):
    gone = DepartmentFactory()
    gone.delete()
    with pytest.raises(LedgerError, match="cost centre that does not exist"):
        create(
            accountant,
            {"account": cash, "debit": "1", "department": gone},
            {"account": sales, "credit": "1"},
        )
    assert not JournalLine.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Postgres triggers")
@pytest.mark.parametrize(
    "table", ["accounting_journalentry", "accounting_journalline", "accounting_accountmonthtotal"]
)
def test_postgres_refuses_to_truncate_the_journal(table):
    with (
        pytest.raises(IntegrityError, match="cannot be truncated"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL accounting.allow_truncate = 'off'")
        cursor.execute(f"TRUNCATE {table} CASCADE")
