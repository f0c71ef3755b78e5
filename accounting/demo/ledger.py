"""The demo company's ledger: fiscal years and a year of daily takings.

Called by `seed_demo`. Idempotent: fiscal years and takings already in the
ledger (by their source keys) are left alone, so a second run posts nothing.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from accounting.chart import account_for
from accounting.models.ledger import FiscalPeriod, FiscalYear, JournalEntry
from accounting.services.ledger import (
    fiscal_period_close,
    fiscal_year_create,
    journal_entries_post_many,
)
from accounting.services.takings import source_key, takings_entry

REGISTERS = ["R1", "R2", "R3"]
DAYS_OF_HISTORY = 365


def seed_fiscal_years(*, by, today: date) -> None:
    """Fiscal years (calendar years) from last year to next year."""
    for year in range(today.year - 1, today.year + 2):
        if not FiscalYear.objects.filter(start=date(year, 1, 1)).exists():
            fiscal_year_create(by=by, start=date(year, 1, 1), name=str(year))


def _takings_row(rng: random.Random, day: date, register: str) -> dict:
    weekend = day.weekday() >= 5
    gross = Decimal(rng.randrange(180_000 if weekend else 90_000, 420_000)) / 100
    vat = (gross * Decimal("21") / Decimal("121")).quantize(Decimal("0.01"))
    card = (gross * Decimal(rng.randrange(45, 75)) / 100).quantize(Decimal("0.01"))
    vouchers = (gross * Decimal(rng.randrange(0, 6)) / 100).quantize(Decimal("0.01"))
    return {
        "date": day.isoformat(),
        "register": register,
        "gross": str(gross),
        "vat": str(vat),
        "cash": str(gross - card - vouchers),
        "card": str(card),
        "vouchers": str(vouchers),
    }


def seed_takings(*, by, today: date) -> int:
    """A year of daily takings for each register, up to yesterday."""
    rng = random.Random(20261129)
    days = [today - timedelta(days=n) for n in range(DAYS_OF_HISTORY, 0, -1)]
    rows = [
        _takings_row(rng, day, register)
        for day in days
        for register in REGISTERS
        if day.weekday() != 6 or register == "R1"  # Sundays: one register open
    ]
    existing = set(
        JournalEntry.objects.filter(source_key__startswith="takings:").values_list(
            "source_key", flat=True
        )
    )
    rows = [row for row in rows if source_key(row["date"], row["register"]) not in existing]
    accounts = {
        role: account_for(role)
        for role in ("cash", "card_clearing", "vouchers", "sales", "vat_collected")
    }
    journal_entries_post_many(by=by, entries=[takings_entry(row, accounts) for row in rows])
    return len(rows)


def close_old_periods(*, by, today: date | None = None) -> None:
    """Close the periods that ended before last month, as a real ledger would be."""
    today = today or timezone.localdate()
    last_month_start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    for period in FiscalPeriod.objects.filter(end__lt=last_month_start, status="open"):
        fiscal_period_close(by=by, period=period)


def seed(*, by, today: date | None = None) -> None:
    today = today or timezone.localdate()
    seed_fiscal_years(by=by, today=today)
    seed_takings(by=by, today=today)
