"""`{{ amount|money }}`: the one way an amount is shown.

Grouped thousands and two decimals in the reader's language (1,234.56 in
English, 1.234,56 in Romanian), the currency after, and a negative amount
with a true minus sign (U+2212) in front, which no column alignment hides.
`{{ amount|money_class }}` gives the CSS class that also colours it.
Exports (CSV, XLSX) carry numbers, not this text.
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.utils.formats import number_format

register = template.Library()

MINUS = "\u2212"


def _amount(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(value).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return None
    return amount if amount.is_finite() else None


def format_money(value, currency: str | None = None) -> str:
    amount = _amount(value)
    if amount is None:
        return ""
    text = number_format(abs(amount), decimal_pos=2, use_l10n=True, force_grouping=True)
    sign = MINUS if amount < 0 else ""
    return f"{sign}{text} {currency or settings.BASE_CURRENCY}"


@register.filter
def money(value, currency: str | None = None) -> str:
    return format_money(value, currency)


@register.filter
def money_class(value) -> str:
    amount = _amount(value)
    return "money money-negative" if amount is not None and amount < 0 else "money"
