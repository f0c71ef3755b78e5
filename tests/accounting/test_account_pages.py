from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.services.ledger import journal_entry_create, journal_entry_post
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
        response = accountant_client.get(
            url, {"start": "2026-01-01", "end": "2026-12-31", "page": 2}
        )

    lines = list(response.context["page"])
    assert len(lines) == 3
    assert lines[-1].balance == Decimal("1.25") * (LEDGER_PAGE_SIZE + 3)
    assert lines[0].balance == Decimal("1.25") * (LEDGER_PAGE_SIZE + 1)


def test_the_ledger_of_an_unknown_account_is_not_found(accountant_client):
    response = accountant_client.get(reverse("accounting:account-ledger", kwargs={"pk": 999999}))
    assert response.status_code == 404


def test_people_outside_accounting_cannot_open_the_ledger(client, role_users, cash):
    client.force_login(role_users["employee"])
    response = client.get(reverse("accounting:account-ledger", kwargs={"pk": cash.pk}))
    assert response.status_code == 403


def test_managers_read_the_ledger(client, role_users, cash):
    client.force_login(role_users["manager"])
    response = client.get(reverse("accounting:account-ledger", kwargs={"pk": cash.pk}))
    assert response.status_code == 200


def test_a_range_starting_mid_history_opens_with_the_balance_before_it(
    accountant_client, accountant, cash, sales
):
    # Two whole months before the range, and part of the range's own month.
    for day, amount in [
        (date(2026, 1, 15), "100.00"),
        (date(2026, 2, 3), "20.10"),
        (date(2026, 3, 1), "3.01"),
        (date(2026, 3, 10), "0.99"),
        (date(2026, 3, 20), "5.00"),
    ]:
        post(by=accountant, debit_account=cash, credit_account=sales, amount=amount, day=day)
    url = reverse("accounting:account-ledger", kwargs={"pk": cash.pk})

    response = accountant_client.get(url, {"start": "2026-03-15", "end": "2026-03-31"})

    assert response.context["opening"] == Decimal("124.10")
    lines = list(response.context["page"])
    assert [line.balance for line in lines] == [Decimal("129.10")]


def test_the_ledger_opens_on_this_month_by_default(accountant_client, accountant, cash, sales):
    today = date.today()
    post(by=accountant, debit_account=cash, credit_account=sales, amount="7.00", day=today)
    old = today.replace(day=1) - timedelta(days=40)
    post(by=accountant, debit_account=cash, credit_account=sales, amount="3.00", day=old)

    response = accountant_client.get(reverse("accounting:account-ledger", kwargs={"pk": cash.pk}))

    assert response.context["start"] == today.replace(day=1)
    assert response.context["opening"] == Decimal("3.00")
    assert [line.balance for line in response.context["page"]] == [Decimal("10.00")]


def test_a_range_that_ends_before_it_starts_is_explained(accountant_client, cash):
    url = reverse("accounting:account-ledger", kwargs={"pk": cash.pk})
    response = accountant_client.get(url, {"start": "2026-03-31", "end": "2026-03-01"})
    assert response.status_code == 200
    assert "The end of the range comes before its start." in response.content.decode()


def test_the_trial_balance_drills_down_to_the_ledger(
    accountant_client, accountant, cash, sales, rent, django_assert_max_num_queries
):
    post(
        by=accountant,
        debit_account=cash,
        credit_account=sales,
        amount="50.00",
        day=date(2026, 1, 5),
    )
    post(
        by=accountant, debit_account=rent, credit_account=cash, amount="20.00", day=date(2026, 2, 5)
    )
    post(
        by=accountant, debit_account=cash, credit_account=sales, amount="9.99", day=date(2026, 2, 9)
    )

    with django_assert_max_num_queries(10):
        response = accountant_client.get(
            reverse("accounting:trial-balance"), {"start": "2026-02-01", "end": "2026-02-28"}
        )

    rows = {row.code: row for row in response.context["rows"]}
    assert (rows["1000"].opening, rows["1000"].period_debit, rows["1000"].period_credit) == (
        Decimal("50.00"),
        Decimal("9.99"),
        Decimal("20.00"),
    )
    assert rows["1000"].closing == Decimal("39.99")
    assert rows["6100"].closing == Decimal("20.00")
    assert response.context["totals"]["debit"] == response.context["totals"]["credit"]
    ledger = reverse("accounting:account-ledger", kwargs={"pk": cash.pk})
    assert f"{ledger}?start=2026-02-01&amp;end=2026-02-28" in response.content.decode()


def test_an_entry_links_back_to_its_source_document_and_its_reversal(
    accountant_client, role_users, standard_chart, django_assert_max_num_queries
):
    from accounting.services.ledger import journal_entry_reverse
    from tests.accounting.factories import SupplierFactory
    from tests.accounting.payables import posted_bill

    bill = posted_bill(
        by=role_users["accountant"],
        approver=role_users["controller"],
        supplier=SupplierFactory(name="Lemn SRL"),
        number="F-77",
    )
    reversal = journal_entry_reverse(
        by=role_users["accountant"], entry=bill.journal_entry, date=date(2026, 3, 31)
    )
    url = reverse("accounting:entry-detail", kwargs={"pk": bill.journal_entry.pk})

    with django_assert_max_num_queries(12):
        page = accountant_client.get(url).content.decode()

    assert reverse("accounting:bill-detail", kwargs={"pk": bill.pk}) in page
    assert "bill F-77 of Lemn SRL" in page
    assert reverse("accounting:entry-detail", kwargs={"pk": reversal.pk}) in page
    back = accountant_client.get(reverse("accounting:entry-detail", kwargs={"pk": reversal.pk}))
    assert f"reverses entry #{bill.journal_entry.pk}" in back.content.decode()
