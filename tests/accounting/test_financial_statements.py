"""Profit and loss and balance sheet: comparisons, growth that says when it
cannot be computed, margins from totals, drill-down, and figures that
reconcile on hand-made and Hypothesis-generated ledgers."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounting.reports import BalanceSheet, ProfitAndLoss
from accounting.services.ledger import journal_entries_post_many
from backoffice.reports import NotApplicable

pytestmark = pytest.mark.django_db

ZERO = Decimal("0.00")


def post(by, chart, day, debit, credit, amount):
    journal_entries_post_many(
        by=by,
        entries=[
            {
                "date": day,
                "description": f"{debit}/{credit}",
                "lines": [
                    {"account": chart[debit], "debit": Decimal(amount)},
                    {"account": chart[credit], "credit": Decimal(amount)},
                ],
            }
        ],
    )


def row_named(result, name):
    return next(row for row in result.rows if row.cells.get("name") == name)


def row_of_code(result, code):
    return next(row for row in result.rows if row.cells.get("code") == code)


@pytest.fixture
def hand_made(accountant, standard_chart):
    """Sales of 1,000 in March 2025, 800 in Feb 2026 and 1,200 in March 2026;
    rent of 300 each of those months; nothing ever on advertising (623) but
    in March 2026 (so its base is zero)."""
    for day, sales in (
        (date(2025, 3, 5), "1000.00"),
        (date(2026, 2, 5), "800.00"),
        (date(2026, 3, 5), "1200.00"),
    ):
        post(accountant, standard_chart, day, "5121", "707", sales)
        post(accountant, standard_chart, day, "612", "5121", "300.00")
    post(accountant, standard_chart, date(2026, 3, 9), "623", "401", "50.00")
    return standard_chart


MARCH = {"month": "2026-03", "months": 1, "detail": True}


def test_the_profit_and_loss_compares_with_last_month_and_last_year(hand_made):
    result = ProfitAndLoss().compute(MARCH)
    revenue = row_named(result, "Total revenue").cells
    assert (revenue["current"], revenue["previous"], revenue["last_year"]) == (
        Decimal("1200.00"),
        Decimal("800.00"),
        Decimal("1000.00"),
    )
    assert revenue["change_previous"] == Decimal("400.00")
    assert revenue["growth_previous"] == Decimal("50.0")
    assert revenue["growth_last_year"] == Decimal("20.0")
    profit = row_named(result, "Net profit").cells
    assert profit["current"] == Decimal("850.00")  # 1200 - 300 - 50
    assert profit["previous"] == Decimal("500.00")
    advertising = row_of_code(result, "623").cells
    assert advertising["growth_previous"] == NotApplicable("no figure in the base period")


def test_a_negative_base_is_named_not_divided(accountant, standard_chart):
    post(accountant, standard_chart, date(2026, 2, 5), "612", "5121", "500.00")  # a loss
    post(accountant, standard_chart, date(2026, 3, 5), "5121", "707", "100.00")
    profit = row_named(ProfitAndLoss().compute(MARCH), "Net profit").cells
    assert profit["previous"] == Decimal("-500.00")
    assert profit["growth_previous"] == NotApplicable("the base is negative")
    assert str(profit["growth_previous"]) == "n/a (the base is negative)"


def test_the_margin_is_computed_from_the_totals_not_averaged(hand_made):
    result = ProfitAndLoss().compute(MARCH)
    margin = row_named(result, "Net margin")
    assert margin.kind == "percent"
    # 850 / 1200 = 70.8 %; an average of row margins would say something else.
    assert margin.cells["current"] == Decimal("70.8")
    assert margin.cells["previous"] == Decimal("62.5")


def test_figures_drill_down_to_the_accounts_then_to_the_ledger(hand_made):
    summary = ProfitAndLoss().compute({**MARCH, "detail": False})
    total = row_named(summary, "Total revenue")
    assert "detail=on" in total.links["current"] and total.links["current"].endswith("#revenue")
    assert all(row.cells.get("code") is None for row in summary.rows)
    detail = ProfitAndLoss().compute(MARCH)
    sales = row_of_code(detail, "707")
    ledger = f"/accounting/accounts/{hand_made['707'].pk}/ledger/"
    assert sales.links["current"] == f"{ledger}?start=2026-03-01&end=2026-03-31"
    assert sales.links["last_year"] == f"{ledger}?start=2025-03-01&end=2025-03-31"


def test_the_balance_sheet_shows_vat_to_recover_as_an_asset_and_balances(hand_made, accountant):
    post(accountant, hand_made, date(2026, 3, 10), "4426", "401", "21.00")
    post(accountant, hand_made, date(2026, 3, 11), "5121", "473", "7.00")  # suspense owed
    result = BalanceSheet().compute(MARCH)
    assert row_of_code(result, "4426").cells["current"] == Decimal("21.00")
    liabilities = {
        row.cells.get("code")
        for row in result.rows[
            result.rows.index(row_named(result, "Liabilities")) : result.rows.index(
                row_named(result, "Total liabilities")
            )
        ]
    }
    assert "473" in liabilities
    assert result.checks["assets"] == result.checks["liabilities_and_equity"]
    # Bank: 3,000 of sales in, 900 of rent out, 7 suspense in; 21 VAT to recover.
    assert row_named(result, "Total assets").cells["current"] == Decimal("2128.00")


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
CODES = ["5121", "5311", "401", "4426", "4427", "473", "1012", "707", "704", "612", "641", "623"]
ledgers = st.lists(
    st.tuples(
        st.dates(min_value=date(2024, 11, 1), max_value=date(2026, 2, 28)),
        st.sampled_from(CODES),
        st.sampled_from(CODES),
        amounts,
    ),
    min_size=1,
    max_size=12,
)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ledger=ledgers)
def test_statements_reconcile_on_any_ledger(accountant, standard_chart, ledger):
    with transaction.atomic():
        entries = [
            {
                "date": day,
                "description": "Random",
                "lines": [
                    {"account": standard_chart[debit], "debit": amount},
                    {"account": standard_chart[credit], "credit": amount},
                ],
            }
            for day, debit, credit, amount in ledger
            if debit != credit
        ]
        journal_entries_post_many(by=accountant, entries=entries)
        year = {"month": "2025-12", "months": 12}
        for month in ("2025-01", "2025-06", "2025-12", "2026-02"):
            sheet = BalanceSheet().compute({"month": month, "months": 1})
            assert sheet.checks["assets"] == sheet.checks["liabilities_and_equity"]
        # Net profit of 2025 = the change in the result carried in equity.
        pnl = ProfitAndLoss().compute(year)
        before = BalanceSheet().compute({"month": "2024-12", "months": 1}).checks["result_all"]
        after = BalanceSheet().compute(year).checks["result_all"]
        assert pnl.checks["net_profit"] == after - before
        # Twelve monthly views add up to the yearly view, account by account.
        yearly = ProfitAndLoss().figures(year)
        monthly = [
            ProfitAndLoss().figures({"month": f"2025-{m:02}", "months": 1}) for m in range(1, 13)
        ]
        for side in ("revenue", "expenses"):
            for account, figures in yearly[side].items():
                assert figures["current"] == sum(
                    (month[side].get(account, {}).get("current", ZERO) for month in monthly), ZERO
                )
        transaction.set_rollback(True)
