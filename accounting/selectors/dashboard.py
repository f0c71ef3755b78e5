"""The manager's financial dashboard: company figures only, a fixed number of
queries whatever the size of the ledger (monthly totals, one aggregate each)."""

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from accounting.models.ledger import Account, AccountMonthTotal
from accounting.selectors.ledger import MONEY, ZERO, posted_lines, uses_month_totals
from accounting.selectors.payables import bills_due_soon
from accounting.selectors.statements import add_months
from backoffice.reports import growth

MONTHS = 12


def _result_by_month(first: date, last: date) -> dict[tuple[date, str], Decimal]:
    """Debits minus credits of income and expense accounts by month and type."""
    types = (Account.Type.INCOME, Account.Type.EXPENSE)
    if uses_month_totals():
        rows = AccountMonthTotal.objects.filter(
            month__gte=first, month__lte=last, account__type__in=types
        ).values("month", "account__type")
    else:
        rows = (
            posted_lines()
            .filter(entry__date__gte=first, entry__date__lt=add_months(last, 1))
            .filter(account__type__in=types)
            .annotate(month=TruncMonth("entry__date"))
            .values("month", "account__type")
        )
    rows = rows.order_by().annotate(
        net=Coalesce(Sum("debit"), ZERO, output_field=MONEY)
        - Coalesce(Sum("credit"), ZERO, output_field=MONEY)
    )
    return {(row["month"], row["account__type"]): row["net"] for row in rows}


def financial_dashboard(today: date | None = None) -> dict:
    today = today or timezone.localdate()
    this_month = today.replace(day=1)
    first_shown = add_months(this_month, -(MONTHS - 1))
    nets = _result_by_month(add_months(first_shown, -12), this_month)

    def month_figures(month: date) -> dict:
        revenue = -nets.get((month, Account.Type.INCOME), ZERO)
        expenses = nets.get((month, Account.Type.EXPENSE), ZERO)
        return {
            "month": month,
            "revenue": revenue,
            "expenses": expenses,
            "profit": revenue - expenses,
        }

    months = [month_figures(add_months(first_shown, n)) for n in range(MONTHS)]
    latest, before = months[-1], months[-2]
    year_ago = month_figures(add_months(this_month, -12))
    growths = {
        key: {
            "previous": growth(latest[key], before[key]),
            "last_year": growth(latest[key], year_ago[key]),
        }
        for key in ("revenue", "expenses", "profit")
    }
    due = bills_due_soon(today=today, days=30).aggregate(
        count=Count("pk"), total=Coalesce(Sum("open_amount"), ZERO, output_field=MONEY)
    )
    cash_accounts = Account.objects.filter(parent__code="5")
    if uses_month_totals():
        cash = AccountMonthTotal.objects.filter(account__in=cash_accounts, month__lte=this_month)
    else:
        cash = posted_lines().filter(account__in=cash_accounts, entry__date__lte=today)
    cash = cash.aggregate(
        net=Coalesce(Sum("debit"), ZERO, output_field=MONEY)
        - Coalesce(Sum("credit"), ZERO, output_field=MONEY)
    )["net"]
    return {
        "months": months,
        "latest": latest,
        "growth": growths,
        "due": due,
        "due_until": today + timedelta(days=30),
        "cash": cash,
        "report_month": latest["month"].strftime("%Y-%m"),
    }
