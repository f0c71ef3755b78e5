from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.services import journal_entry_create, journal_entry_post
from accounting.views.ledger import LEDGER_PAGE_SIZE


def post(*, by, debit_account, credit_account, amount, day):
    entry = journal_entry_create(
        by=by,
        date=day,
        description=f"Move {amount}",
        lines=[
            {"account": debit_account, "debit": Decimal(amount)},
            {"account": credit_account, "credit": Decimal(amount)},
        ],
    )
    return journal_entry_post(by=by, entry=entry)


@pytest.fixture
def accountant_client(client, role_users):
    client.force_login(role_users["accountant"])
    return client


def test_the_chart_of_accounts_shows_posted_balances_only(
    accountant_client, accountant, cash, sales
):
    post(by=accountant, debit_account=cash, credit_account=sales, amount="75.50", day=date.today())
    journal_entry_create(
        by=accountant,
        date=date.today(),
        description="Draft",
        lines=[{"account": cash, "debit": "1.00"}, {"account": sales, "credit": "1.00"}],
    )

    response = accountant_client.get(reverse("accounting:account-list"))

    balances = {account.code: account.balance for account in response.context["accounts"]}
    assert balances == {"1000": Decimal("75.50"), "4000": Decimal("-75.50")}


def test_the_ledger_carries_the_running_balance_across_pages(
    accountant_client, accountant, cash, sales, django_assert_max_num_queries
):
    start = date(2026, 1, 1)
    for i in range(LEDGER_PAGE_SIZE + 3):
        post(
            by=accountant,
            debit_account=cash,
            credit_account=sales,
            amount="1.25",
            day=start + timedelta(days=i),
        )
    url = reverse("accounting:account-ledger", kwargs={"pk": cash.pk})

    with django_assert_max_num_queries(12):
        response = accountant_client.get(url, {"page": 2})

    lines = list(response.context["page"])
    assert len(lines) == 3
    assert lines[-1].balance == Decimal("1.25") * (LEDGER_PAGE_SIZE + 3)
    assert lines[0].balance == Decimal("1.25") * (LEDGER_PAGE_SIZE + 1)


def test_the_ledger_of_an_unknown_account_is_not_found(accountant_client):
    response = accountant_client.get(reverse("accounting:account-ledger", kwargs={"pk": 999999}))
    assert response.status_code == 404


def test_people_outside_accounting_cannot_open_the_ledger(client, role_users, cash):
    client.force_login(role_users["manager"])
    response = client.get(reverse("accounting:account-ledger", kwargs={"pk": cash.pk}))
    assert response.status_code == 403
