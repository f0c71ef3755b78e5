"""`{{ amount|money }}`: the one way an amount is shown (`backoffice.formats`).

`{{ amount|money_class }}` gives the CSS class that also colours a negative
amount. Exports (CSV, XLSX) carry numbers, not this text.
"""

from django import template

from backoffice.formats import format_money, to_amount

register = template.Library()


@register.filter
def money(value, currency: str | None = None) -> str:
    return format_money(value, currency)


@register.filter
def money_class(value) -> str:
    amount = to_amount(value)
    return "money money-negative" if amount is not None and amount < 0 else "money"
