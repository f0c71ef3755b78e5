"""Only leaf accounts take postings: the service says why, Postgres refuses raw SQL."""

from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction

from accounting.forms.ledger import LineForm
from accounting.models.ledger import JournalEntry, JournalLine
from accounting.services.ledger import LedgerError, journal_entries_post_many, journal_entry_create
from tests.accounting.factories import AccountFactory

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the ledger triggers exist on Postgres only"
)


@pytest.mark.parametrize("group", ["5", "40", "7"])
def test_the_service_refuses_a_line_on_a_group_account_and_writes_nothing(
    accountant, standard_chart, group
):
    with pytest.raises(LedgerError, match=f"{group} .* groups other accounts; post to one of"):
        journal_entry_create(
            by=accountant,
            date=date(2026, 3, 2),
            description="Sale",
            lines=[
                {"account": standard_chart[group], "debit": "10.00"},
                {"account": standard_chart["4427"], "credit": "10.00"},
            ],
        )
    assert not JournalEntry.objects.exists()


def test_the_bulk_path_refuses_a_group_account_in_one_query(
    accountant, standard_chart, django_assert_max_num_queries
):
    entries = [
        {
            "date": date(2026, 3, day),
            "description": "Sale",
            "lines": [
                {"account": standard_chart["5311"], "debit": "10.00"},
                {"account": standard_chart["707" if day < 9 else "7"], "credit": "10.00"},
            ],
        }
        for day in range(1, 10)
    ]
    with django_assert_max_num_queries(6), pytest.raises(LedgerError, match="groups other"):
        journal_entries_post_many(by=accountant, entries=entries)
    assert not JournalEntry.objects.exists()


def test_the_entry_form_offers_only_open_leaf_accounts(standard_chart):
    offered = set(LineForm().fields["account"].queryset.values_list("code", flat=True))
    assert {"5121", "707", "401"} <= offered
    assert not {"5", "7", "40", "44"} & offered


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_postgres_refuses_a_raw_line_on_a_group_account(accountant, standard_chart):
    entry = journal_entry_create(
        by=accountant,
        date=date(2026, 3, 2),
        description="Sale",
        lines=[
            {"account": standard_chart["5311"], "debit": "10.00"},
            {"account": standard_chart["707"], "credit": "10.00"},
        ],
    )
    with pytest.raises(IntegrityError, match="groups other accounts"), transaction.atomic():
        JournalLine.objects.create(entry=entry, account=standard_chart["5"], debit="1.00")
    assert entry.lines.count() == 2


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_postgres_refuses_a_sub_account_under_an_account_with_lines(accountant, standard_chart):
    journal_entry_create(
        by=accountant,
        date=date(2026, 3, 2),
        description="Sale",
        lines=[
            {"account": standard_chart["5311"], "debit": "10.00"},
            {"account": standard_chart["707"], "credit": "10.00"},
        ],
    )
    with pytest.raises(IntegrityError, match="cannot group other accounts"), transaction.atomic():
        AccountFactory(code="53111", parent=standard_chart["5311"])
