"""Every account is classified for the statements by its nature, bifunctional
ones by the side of their balance, so the demo year's balance sheet balances
at every month end."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounting.chart import BIFUNCTIONAL
from accounting.models.ledger import (
    ASSETS,
    EQUITY,
    LIABILITIES,
    RESULT,
    Account,
    statement_section,
)
from accounting.selectors.statements import add_months, balance_sheet_totals, month_end

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("type_", "bifunctional", "balance", "section"),
    [
        (Account.Type.ASSET, False, Decimal("-5"), ASSETS),  # 2813: a negative asset
        (Account.Type.LIABILITY, False, Decimal("5"), LIABILITIES),
        (Account.Type.ASSET, True, Decimal("5"), ASSETS),  # 473 with a debit balance
        (Account.Type.ASSET, True, Decimal("-5"), LIABILITIES),  # 473 with a credit balance
        (Account.Type.EQUITY, True, Decimal("5"), EQUITY),  # a loss carried forward
        (Account.Type.INCOME, False, Decimal("-5"), RESULT),
        (Account.Type.EXPENSE, False, Decimal("5"), RESULT),
    ],
)
def test_an_account_is_classified_by_its_nature_or_its_balance(
    type_, bifunctional, balance, section
):
    assert statement_section(type_, bifunctional, balance) == section


def test_vat_to_recover_is_an_asset_in_a_mixed_group(standard_chart):
    assert standard_chart["4424"].statement_section(Decimal("10")) == ASSETS
    assert standard_chart["4426"].statement_section(Decimal("10")) == ASSETS
    assert standard_chart["4427"].statement_section(Decimal("-10")) == LIABILITIES
    assert {code for code, account in standard_chart.items() if account.is_bifunctional} == set(
        BIFUNCTIONAL
    )


def test_the_demo_years_balance_sheet_balances_at_every_month_end(db):
    call_command("seed_demo", employees=0)
    today = timezone.localdate()
    first = add_months(today.replace(day=1), -13)
    sections = set()
    for month in range(14):
        at = month_end(add_months(first, month))
        totals = balance_sheet_totals(at)
        assert totals[ASSETS] == totals[LIABILITIES] + totals[EQUITY] + totals[RESULT], at
        sections |= {name for name, total in totals.items() if total}
    assert {ASSETS, LIABILITIES, RESULT} <= sections
    assert balance_sheet_totals(month_end(today))[ASSETS] > 0
    assert balance_sheet_totals(date(1999, 12, 31)) == dict.fromkeys(
        (ASSETS, LIABILITIES, EQUITY, RESULT), Decimal("0.00")
    )
