"""Every amount on the ledger pages goes through the one money filter; a new
journal entry is a click away from every ledger page."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from accounting.services.ledger import journal_entry_create, journal_entry_post
from accounting.templatetags.money import money, money_class

pytestmark = pytest.mark.django_db


def test_money_groups_thousands_shows_the_currency_and_an_unmistakable_minus():
    assert money(Decimal("1592347.96")) == "1,592,347.96 RON"
    assert money(Decimal("-1592347.96")) == "\u22121,592,347.96 RON"
    assert money(Decimal("-0.001")) == "0.00 RON"
    assert money_class(Decimal("-5")) == "money money-negative"
    assert money_class(Decimal("5")) == "money"
    assert money("abc") == ""
    with translation.override("ro"):
        assert money(Decimal("1592347.96")) == "1.592.347,96 RON"


@pytest.fixture
def big_entry(accountant, cash, sales):
    entry = journal_entry_create(
        by=accountant,
        date=date(2026, 3, 2),
        description="Big sale",
        lines=[
            {"account": cash, "debit": "1592347.96"},
            {"account": sales, "credit": "1592347.96"},
        ],
    )
    return journal_entry_post(by=accountant, entry=entry)


MARCH = "?start=2026-03-01&end=2026-03-31"


@pytest.mark.parametrize(
    ("page", "shows_a_credit_balance"),
    [
        (lambda entry, cash: reverse("accounting:entry-detail", kwargs={"pk": entry.pk}), False),
        (lambda entry, cash: reverse("accounting:trial-balance") + MARCH, True),
        (lambda entry, cash: reverse("accounting:account-list"), True),
        (
            lambda entry, cash: (
                reverse("accounting:account-ledger", kwargs={"pk": cash.pk}) + MARCH
            ),
            False,
        ),
    ],
    ids=["entry", "trial-balance", "chart", "ledger"],
)
def test_ledger_pages_show_formatted_amounts_never_raw_ones(
    client, role_users, big_entry, cash, page, shows_a_credit_balance
):
    client.force_login(role_users["accountant"])
    html = client.get(page(big_entry, cash)).content.decode()
    assert "1,592,347.96 RON" in html
    assert "1592347.96" not in html
    negative = 'money-negative">\u22121,592,347.96 RON' in html
    assert negative == shows_a_credit_balance


@pytest.mark.parametrize(
    "url",
    ["accounting:index", "accounting:account-list", "accounting:trial-balance", "ledger"],
)
def test_a_new_journal_entry_is_a_click_away_for_the_accountant_only(client, role_users, cash, url):
    address = (
        reverse("accounting:account-ledger", kwargs={"pk": cash.pk})
        if url == "ledger"
        else reverse(url)
    )
    new_entry = reverse("accounting:entry-create")
    client.force_login(role_users["accountant"])
    assert f'href="{new_entry}"' in client.get(address).content.decode()
    client.force_login(role_users["manager"])
    assert f'href="{new_entry}"' not in client.get(address).content.decode()
