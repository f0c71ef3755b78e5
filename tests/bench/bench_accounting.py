"""The ledger at volume: posting 100,000 lines through the service, then the
account ledger page with 1,000,000 lines in the database."""

import statistics
import time
from datetime import date, timedelta
from decimal import Decimal

from tests.bench.registry import benchmark, row

POST_LINES = 100_000
LINES_PER_ENTRY = 10
ENTRIES_PER_CALL = 1_000
LEDGER_LINES = 1_000_000
TAKINGS_LINES_PER_ENTRY = 4
REQUESTS = 20
YEAR = date(2026, 1, 1)


def _open_the_year() -> None:
    """The demo closes its old months; the bench posts a year of history into them."""
    from django.contrib.auth import get_user_model

    from accounting.models.ledger import FiscalPeriod
    from accounting.services.ledger import fiscal_period_reopen

    admin = get_user_model().objects.get(username="admin")
    for period in FiscalPeriod.objects.filter(status=FiscalPeriod.Status.CLOSED):
        fiscal_period_reopen(by=admin, period=period, reason="Benchmark history")


def _accounts():
    from accounting.chart import account_for, chart_of_accounts_install

    chart_of_accounts_install()
    _open_the_year()
    return {
        role: account_for(role)
        for role in ("cash", "card_clearing", "sales", "vat_collected", "default_expense", "bank")
    }


def _mixed_entry(accounts, number: int) -> dict:
    """Ten lines: nine expenses spread over cost lines, one bank credit."""
    amounts = [Decimal(f"{(number * 7 + i) % 900 + 1}.{(number + i) % 100:02d}") for i in range(9)]
    lines = [{"account": accounts["default_expense"], "debit": amount} for amount in amounts]
    lines.append({"account": accounts["bank"], "credit": sum(amounts, Decimal("0.00"))})
    return {
        "date": YEAR + timedelta(days=number % 330),
        "description": f"Bench journal {number}",
        "lines": lines,
    }


def _takings_entry(accounts, number: int, day: date) -> dict:
    gross = Decimal(f"{number % 5000 + 100}.{number % 100:02d}")
    vat = (gross * Decimal("21") / Decimal("121")).quantize(Decimal("0.01"))
    card = (gross * Decimal("0.6")).quantize(Decimal("0.01"))
    return {
        "date": day,
        "description": f"Till {number}",
        "lines": [
            {"account": accounts["cash"], "debit": gross - card},
            {"account": accounts["card_clearing"], "debit": card},
            {"account": accounts["sales"], "credit": gross - vat},
            {"account": accounts["vat_collected"], "credit": vat},
        ],
    }


@benchmark("accounting.post")
def post() -> list[dict]:
    from django.contrib.auth import get_user_model

    from accounting.services.ledger import journal_entries_post_many

    by = get_user_model().objects.get(username="accountant")
    accounts = _accounts()
    entries = [_mixed_entry(accounts, n) for n in range(POST_LINES // LINES_PER_ENTRY)]
    started = time.perf_counter()
    for first in range(0, len(entries), ENTRIES_PER_CALL):
        journal_entries_post_many(by=by, entries=entries[first : first + ENTRIES_PER_CALL])
    elapsed = time.perf_counter() - started
    return [
        row("accounting.post.lines", POST_LINES, "lines"),
        row("accounting.post.s", round(elapsed, 3), "s"),
        row("accounting.post.lines_per_s", round(POST_LINES / elapsed), "lines/s"),
    ]


def _fill_ledger(by, accounts) -> int:
    """Daily takings over Jan-Nov until the ledger holds 1,000,000 lines."""
    from accounting.models.ledger import JournalLine
    from accounting.services.ledger import journal_entries_post_many

    missing = LEDGER_LINES - JournalLine.objects.count()
    entries_needed = max(0, -(-missing // TAKINGS_LINES_PER_ENTRY))
    days = [YEAR + timedelta(days=d) for d in range(333)]  # to 29 November
    batch = []
    for number in range(entries_needed):
        batch.append(_takings_entry(accounts, number, days[number % len(days)]))
        if len(batch) == 2_500:
            journal_entries_post_many(by=by, entries=batch)
            batch = []
    if batch:
        journal_entries_post_many(by=by, entries=batch)
    return JournalLine.objects.count()


def _time_page(client, url: str, params: dict) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url, params)  # warm-up
    if response.status_code != 200:
        raise AssertionError(f"GET {url} answered {response.status_code}, not 200.")
    with CaptureQueriesContext(connection) as captured:
        client.get(url, params)
    # Read now: every request clears the connection's query log.
    queries = len(captured.captured_queries)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(url, params)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), queries


@benchmark("accounting.ledger_page")
def ledger_page() -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from accounting.models.ledger import JournalLine
    from accounting.views.ledger import LEDGER_PAGE_SIZE

    by = get_user_model().objects.get(username="accountant")
    accounts = _accounts()
    started = time.perf_counter()
    total = _fill_ledger(by, accounts)
    filled = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    cash = accounts["cash"]
    on_cash = JournalLine.objects.filter(account=cash).count()

    client = Client()
    client.force_login(by)
    url = reverse("accounting:account-ledger", kwargs={"pk": cash.pk})
    month = {"start": "2026-11-01", "end": "2026-11-30"}
    month_s, month_q = _time_page(client, url, month)
    in_month = JournalLine.objects.filter(
        account=cash, entry__date__gte=month["start"], entry__date__lte=month["end"]
    ).count()
    last_page = max(1, -(-in_month // LEDGER_PAGE_SIZE))
    last_s, _ = _time_page(client, url, {**month, "page": str(last_page)})
    year = {"start": "2026-01-01", "end": "2026-12-31"}
    year_s, year_q = _time_page(client, url, year)
    tb_s, tb_q = _time_page(client, reverse("accounting:trial-balance"), month)
    return [
        row("accounting.ledger_page.lines_in_db", total, "lines"),
        row("accounting.ledger_page.lines_on_account", on_cash, "lines"),
        row("accounting.ledger_page.fill_s", round(filled, 1), "s"),
        row("accounting.ledger_page.median_s", round(month_s, 4), "s"),
        row("accounting.ledger_page.queries", month_q, "queries"),
        row("accounting.ledger_page.last_page.median_s", round(last_s, 4), "s"),
        row("accounting.ledger_page.year_range.median_s", round(year_s, 4), "s"),
        row("accounting.ledger_page.year_range.queries", year_q, "queries"),
        row("accounting.trial_balance.median_s", round(tb_s, 4), "s"),
        row("accounting.trial_balance.queries", tb_q, "queries"),
    ]
