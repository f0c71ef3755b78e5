"""Reads of the ledger. Only posted entries count towards balances.

Payroll entries (a payroll run's posting, its payment, their reversals) carry
pay per department: in a one-person department, or for a one-person
correction, that is a person's salary. Their lines are read only by those who
read payroll (`accounting.view_payrollrun`: accountants, payroll approvers,
administrators). For every other ledger reader (managers) the entry detail,
account ledger and trial balance leave payroll entries out whole, so what
they do see still balances.
"""

import calendar
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import DecimalField, F, Q, QuerySet, Sum, Value, Window
from django.db.models.functions import Coalesce

from accounting.models.ledger import Account, AccountMonthTotal, JournalEntry, JournalLine

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=14, decimal_places=2)


PAYROLL_SOURCES = (JournalEntry.Source.PAYROLL_RUN, JournalEntry.Source.PAYROLL_PAYMENT)
NON_PAYROLL_SOURCES = tuple(s for s in JournalEntry.Source.values if s not in PAYROLL_SOURCES)


def reads_payroll(user) -> bool:
    return user.has_perm("accounting.view_payrollrun")


def entries_visible_to(user) -> QuerySet[JournalEntry]:
    """Every entry for payroll readers; all but the payroll entries for other ledger readers."""
    if reads_payroll(user):
        return JournalEntry.objects.all()
    return JournalEntry.objects.filter(source__in=NON_PAYROLL_SOURCES)


def posted_lines() -> QuerySet[JournalLine]:
    return JournalLine.objects.filter(entry__status=JournalEntry.Status.POSTED)


def trial_balance_difference() -> Decimal:
    """Total debits minus total credits over the posted ledger: always zero."""
    totals = posted_lines().aggregate(
        debit=Coalesce(Sum("debit"), ZERO, output_field=MONEY),
        credit=Coalesce(Sum("credit"), ZERO, output_field=MONEY),
    )
    return totals["debit"] - totals["credit"]


def account_balance(*, account: Account) -> Decimal:
    """Debits minus credits posted to `account`."""
    totals = (
        posted_lines()
        .filter(account=account)
        .aggregate(
            debit=Coalesce(Sum("debit"), ZERO, output_field=MONEY),
            credit=Coalesce(Sum("credit"), ZERO, output_field=MONEY),
        )
    )
    return totals["debit"] - totals["credit"]


def chart_of_accounts() -> QuerySet[Account]:
    """Every account with its posted balance (debits minus credits), in one query.

    On Postgres the balance adds up the monthly totals rather than every line.
    """
    if uses_month_totals():
        debit, credit, posted = "month_totals__debit", "month_totals__credit", None
    else:
        debit, credit = "lines__debit", "lines__credit"
        posted = Q(lines__entry__status=JournalEntry.Status.POSTED)
    return (
        Account.objects.select_related("parent")
        .annotate(
            balance=Coalesce(Sum(debit, filter=posted), ZERO, output_field=MONEY)
            - Coalesce(Sum(credit, filter=posted), ZERO, output_field=MONEY)
        )
        .order_by("code")
    )


def uses_month_totals() -> bool:
    """Postgres keeps `AccountMonthTotal` (migration 0006); SQLite does not."""
    return connection.vendor == "postgresql"


def _net(queryset, debit="debit", credit="credit") -> Decimal:
    totals = queryset.aggregate(
        d=Coalesce(Sum(debit), ZERO, output_field=MONEY),
        c=Coalesce(Sum(credit), ZERO, output_field=MONEY),
    )
    return totals["d"] - totals["c"]


def balance_before_from_lines(*, account: Account, day: date) -> Decimal:
    """Debits minus credits posted to `account` dated before `day`, from every line."""
    return _net(posted_lines().filter(account=account, entry__date__lt=day))


def balance_before(*, account: Account, day: date) -> Decimal:
    """Debits minus credits posted to `account` dated before `day`.

    Whole months come from the monthly totals, so the cost is one month of
    lines at most, however long the account's history.
    """
    if not uses_month_totals():
        return balance_before_from_lines(account=account, day=day)
    month = day.replace(day=1)
    whole_months = _net(AccountMonthTotal.objects.filter(account=account, month__lt=month))
    this_month = _net(
        posted_lines().filter(account=account, entry__date__gte=month, entry__date__lt=day)
    )
    return whole_months + this_month


def account_ledger(
    *,
    account: Account,
    start: date | None = None,
    end: date | None = None,
    with_payroll: bool = True,
) -> tuple[Decimal, QuerySet[JournalLine]]:
    """The opening balance at `start` and the posted lines of `account` from
    `start` to `end` in date order, each with its running balance.

    The running balance is the opening balance plus a window sum computed by
    the database over the lines in the range, so any page shows the right
    figure without loading the pages before it. Without payroll, the
    payroll entries are left out of the lines and of the opening balance.
    """
    lines = posted_lines().filter(account=account)
    if with_payroll:
        opening = balance_before(account=account, day=start) if start else ZERO
    else:
        lines = lines.filter(entry__source__in=NON_PAYROLL_SOURCES)
        opening = _net(lines.filter(entry__date__lt=start)) if start else ZERO
    if start:
        lines = lines.filter(entry__date__gte=start)
    if end:
        lines = lines.filter(entry__date__lte=end)
    order = [F("entry__date").asc(), F("entry_id").asc(), F("pk").asc()]
    lines = (
        lines.select_related("entry", "department")
        .annotate(
            balance=Window(Sum(F("debit") - F("credit"), output_field=MONEY), order_by=order)
            + Value(opening, output_field=MONEY)
        )
        .order_by(*order)
    )
    return opening, lines


def _trial_balance_rows(accounts, opening, debit, credit) -> list[Account]:
    rows = []
    for account in accounts:
        account.opening = getattr(account, opening)
        account.period_debit = getattr(account, debit)
        account.period_credit = getattr(account, credit)
        account.closing = account.opening + account.period_debit - account.period_credit
        if account.opening or account.period_debit or account.period_credit:
            rows.append(account)
    return rows


def trial_balance_from_lines(*, start: date, end: date, with_payroll: bool = True) -> list[Account]:
    posted = Q(lines__entry__status=JournalEntry.Status.POSTED)
    if not with_payroll:
        posted &= Q(lines__entry__source__in=NON_PAYROLL_SOURCES)
    before = posted & Q(lines__entry__date__lt=start)
    within = posted & Q(lines__entry__date__gte=start, lines__entry__date__lte=end)
    accounts = Account.objects.annotate(
        tb_opening=Coalesce(Sum("lines__debit", filter=before), ZERO, output_field=MONEY)
        - Coalesce(Sum("lines__credit", filter=before), ZERO, output_field=MONEY),
        tb_debit=Coalesce(Sum("lines__debit", filter=within), ZERO, output_field=MONEY),
        tb_credit=Coalesce(Sum("lines__credit", filter=within), ZERO, output_field=MONEY),
    ).order_by("code")
    return _trial_balance_rows(accounts, "tb_opening", "tb_debit", "tb_credit")


def trial_balance(*, start: date, end: date, with_payroll: bool = True) -> list[Account]:
    """Per account: balance before `start`, debits and credits from `start`
    to `end`, closing balance; accounts with nothing to show are left out.

    Month-aligned ranges read only the monthly totals on Postgres (one query,
    whatever the number of lines); other ranges, and those without payroll,
    read the lines.
    """
    month_aligned = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if not (uses_month_totals() and month_aligned and with_payroll):
        return trial_balance_from_lines(start=start, end=end, with_payroll=with_payroll)
    before = Q(month_totals__month__lt=start)
    within = Q(month_totals__month__gte=start, month_totals__month__lte=end)
    accounts = Account.objects.annotate(
        tb_opening=Coalesce(Sum("month_totals__debit", filter=before), ZERO, output_field=MONEY)
        - Coalesce(Sum("month_totals__credit", filter=before), ZERO, output_field=MONEY),
        tb_debit=Coalesce(Sum("month_totals__debit", filter=within), ZERO, output_field=MONEY),
        tb_credit=Coalesce(Sum("month_totals__credit", filter=within), ZERO, output_field=MONEY),
    ).order_by("code")
    return _trial_balance_rows(accounts, "tb_opening", "tb_debit", "tb_credit")
