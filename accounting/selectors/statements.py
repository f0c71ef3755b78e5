"""What the financial statements stand on: movements and balances per account.

Every figure is one SQL aggregate over `AccountMonthTotal` (the monthly
totals Postgres keeps as entries post), one column per period asked for, so
a statement with its comparisons costs one query whatever the number of
lines. On SQLite (the `make run` demo) the same aggregate reads the lines.
Periods are whole months: the statements are monthly.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from accounting.models.ledger import (
    ASSETS,
    EQUITY,
    LIABILITIES,
    RESULT,
    Account,
    AccountMonthTotal,
    statement_section,
)
from accounting.selectors.ledger import MONEY, ZERO, posted_lines, uses_month_totals

EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole months from `start` (a first of the month) to `end` (a month end)."""

    start: date
    end: date

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def month_end(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def add_months(first: date, months: int) -> date:
    """The first of the month `months` after the month of `first`."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_of_months(start: date, months: int) -> Period:
    start = start.replace(day=1)
    return Period(start, add_months(start, months) - timedelta(days=1))


def previous_period(period: Period) -> Period:
    """The same number of months just before `period`."""
    return period_of_months(add_months(period.start, -period.months), period.months)


def same_period_last_year(period: Period) -> Period:
    return period_of_months(add_months(period.start, -12), period.months)


def net_by_account(columns: dict[str, Period]) -> dict[int, dict[str, Decimal]]:
    """Debits minus credits per account for each named period, in one query.

    A period whose start is `EARLIEST` gives the balance at its end.
    """
    if uses_month_totals():
        rows, day, debit, credit = AccountMonthTotal.objects.all(), "month", "debit", "credit"
    else:
        rows, day = posted_lines(), "entry__date"
        debit, credit = "debit", "credit"
    annotations = {}
    for name, period in columns.items():
        within = Q(**{f"{day}__gte": period.start, f"{day}__lte": period.end})
        annotations[name] = Coalesce(
            Sum(debit, filter=within), ZERO, output_field=MONEY
        ) - Coalesce(Sum(credit, filter=within), ZERO, output_field=MONEY)
    result = {}
    for row in rows.order_by().values("account_id").annotate(**annotations):
        result[row.pop("account_id")] = row
    return result


def accounts_by_id() -> dict[int, Account]:
    return {account.pk: account for account in Account.objects.order_by("code")}


def balance_sheet_totals(at: date) -> dict[str, Decimal]:
    """The balance sheet's sections at the end of the day `at` (a month end),
    each as its reader sees it (liabilities and equity positive when owed).

    `result` is the profit not yet closed into equity (income minus expenses
    since the beginning): assets = liabilities + equity + result, always.
    """
    balances = net_by_account({"at": Period(EARLIEST, at)})
    accounts = accounts_by_id()
    totals = dict.fromkeys((ASSETS, LIABILITIES, EQUITY, RESULT), ZERO)
    for account_id, row in balances.items():
        account = accounts[account_id]
        section = statement_section(account.type, account.is_bifunctional, row["at"])
        totals[section] += row["at"] if section == ASSETS else -row["at"]
    return totals
