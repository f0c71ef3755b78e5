"""The one rule for showing an amount: grouped thousands and two decimals in
the reader's language (1,234.56 in English, 1.234,56 in Romanian), the
currency after, and a negative amount with a true minus sign (U+2212) in
front. `{{ amount|money }}` (accounting/templatetags/money.py) and report
cells (backoffice/templatetags/report_cells.py) both use it."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.formats import number_format

MINUS = "\u2212"


def to_amount(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(value).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return None
    return amount if amount.is_finite() else None


def format_money(value, currency: str | None = None) -> str:
    amount = to_amount(value)
    if amount is None:
        return ""
    text = number_format(abs(amount), decimal_pos=2, use_l10n=True, force_grouping=True)
    sign = MINUS if amount < 0 else ""
    return f"{sign}{text} {currency or settings.BASE_CURRENCY}"
