"""Who reads payroll journal entries: payroll readers do; other ledger readers see none of them.

A payroll entry splits pay by department; in a one-person department (or for
a one-person correction) that is one person's salary.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.models.ledger import Account, JournalEntry
from accounting.selectors import ledger as ledger_selectors
from accounting.services.ledger import journal_entry_create, journal_entry_post
from tests.accounting.factories import AccountFactory

DAY = date(2026, 10, 15)
SALARY = Decimal("9137.41")


@pytest.fixture
def entries(role_users):
    accountant = role_users["accountant"]
    salaries = AccountFactory(code="6410", name="Salaries", type=Account.Type.EXPENSE)
    payable = AccountFactory(code="4210", name="Salaries payable", type=Account.Type.LIABILITY)
    department = role_users["employee"].employee.department

    def posted(source, amount, key):
        entry = journal_entry_create(
            by=accountant,
            date=DAY,
            description=f"Entry {key}",
            source=source,
            source_key=key,
            lines=[
                {"account": salaries, "debit": amount, "department": department},
                {"account": payable, "credit": amount},
            ],
        )
        return journal_entry_post(by=accountant, entry=entry)

    return {
        "payroll": posted(JournalEntry.Source.PAYROLL_RUN, SALARY, "run-1"),
        "manual": posted(JournalEntry.Source.MANUAL, Decimal("10.00"), "manual-1"),
        "salaries": salaries,
    }


def test_only_payroll_readers_open_a_payroll_entry(client, role_users, entries):
    url = reverse("accounting:entry-detail", args=[entries["payroll"].pk])
    for username, status in (("accountant", 200), ("controller", 200), ("manager", 404)):
        client.force_login(role_users[username])
        assert client.get(url).status_code == status, username
    manual = reverse("accounting:entry-detail", args=[entries["manual"].pk])
    assert client.get(manual).status_code == 200


def test_a_manager_reads_the_ledger_and_trial_balance_without_payroll_amounts(
    client, role_users, entries
):
    query = {"start": "2026-10-01", "end": "2026-10-31"}
    pages = {
        reverse("accounting:account-ledger", args=[entries["salaries"].pk]): "9,137.41",
        reverse("accounting:trial-balance"): "9,147.41",
    }
    client.force_login(role_users["manager"])
    for url in pages:
        page = client.get(url, query).content.decode()
        assert "9,137" not in page and "9,147" not in page, url
        assert "10.00" in page, url
    client.force_login(role_users["accountant"])
    for url, amount in pages.items():
        assert amount in client.get(url, query).content.decode(), url


def test_without_payroll_the_trial_balance_still_balances_and_drops_only_payroll(entries):
    start, end = date(2026, 10, 1), date(2026, 10, 31)
    full = ledger_selectors.trial_balance(start=start, end=end)
    without = ledger_selectors.trial_balance(start=start, end=end, with_payroll=False)
    debit = sum(row.period_debit for row in without)
    assert debit == sum(row.period_credit for row in without) == Decimal("10.00")
    assert sum(row.period_debit for row in full) == SALARY + Decimal("10.00")
