"""`{{ amount|money }}`: an amount to the cent with the base currency."""

from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()


@register.filter
def money(value, currency: str | None = None) -> str:
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(value).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return f"{intcomma(amount)} {currency or settings.BASE_CURRENCY}"
