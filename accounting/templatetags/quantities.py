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
