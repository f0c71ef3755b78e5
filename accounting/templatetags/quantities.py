"""`{{ line.quantity|quantity }}`: a quantity without trailing zeros (10, 2.5, 0.125)."""

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


def plain_quantity(value) -> str:
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


@register.filter
def quantity(value) -> str:
    if value in (None, ""):
        return ""
    return plain_quantity(value)


@register.filter
def unit_price(value) -> str:
    """A unit price with at least two decimals and at most its four: 1,180.00, 0.3333."""
    if value in (None, ""):
        return ""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    text = f"{number:,f}"
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0").ljust(2, "0")
    return f"{whole}.{decimals}"
