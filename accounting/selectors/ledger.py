"""Reads of the ledger. Only posted entries count towards balances."""

from decimal import Decimal

from django.db.models import DecimalField, F, Q, QuerySet, Sum, Window
from django.db.models.functions import Coalesce

from accounting.models import Account, JournalEntry, JournalLine

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=14, decimal_places=2)


def posted_lines() -> QuerySet[JournalLine]:
    return JournalLine.objects.filter(entry__status=JournalEntry.Status.POSTED)


def trial_balance_difference() -> Decimal:
    """Total debits minus total credits over the posted ledger: always zero."""
    totals = posted_lines().aggregate(
        debit=Coalesce(Sum("debit"), ZERO), credit=Coalesce(Sum("credit"), ZERO)
    )
    return totals["debit"] - totals["credit"]


def account_balance(*, account: Account) -> Decimal:
    """Debits minus credits posted to `account`."""
    totals = (
        posted_lines()
        .filter(account=account)
        .aggregate(debit=Coalesce(Sum("debit"), ZERO), credit=Coalesce(Sum("credit"), ZERO))
    )
    return totals["debit"] - totals["credit"]


def chart_of_accounts() -> QuerySet[Account]:
    """Every account with its posted balance (debits minus credits), in one query."""
    posted = Q(lines__entry__status=JournalEntry.Status.POSTED)
    return (
        Account.objects.select_related("parent")
        .annotate(
            balance=Coalesce(Sum("lines__debit", filter=posted), ZERO)
            - Coalesce(Sum("lines__credit", filter=posted), ZERO)
        )
        .order_by("code")
    )


def account_ledger(*, account: Account) -> QuerySet[JournalLine]:
    """The posted lines of `account` in date order, each with its running balance.

    The balance is a window sum computed by the database over every line of
    the account, so a page of the ledger shows the right figure without
    loading the pages before it.
    """
    order = [F("entry__date").asc(), F("entry_id").asc(), F("pk").asc()]
    return (
        posted_lines()
        .filter(account=account)
        .select_related("entry")
        .annotate(
            balance=Window(
                Sum(F("debit") - F("credit"), output_field=MONEY),
                order_by=order,
            )
        )
        .order_by(*order)
    )
