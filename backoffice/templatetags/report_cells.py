"""`{% report_cell result row column %}`: one figure of a report as the screen shows it."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

from backoffice.formats import format_money
from backoffice.reports import CODE, DATE, MONEY, PERCENT, NotApplicable

register = template.Library()


@register.simple_tag
def report_cell(result, row, column):
    value = row.cells.get(column.key)
    kind = result.kind_of(row, column)
    if value is None or value == "":
        return ""
    if isinstance(value, NotApplicable):
        return format_html('<span class="text-body-secondary" title="{}">n/a</span>', value.reason)
    if kind == MONEY and isinstance(value, Decimal):
        text = format_money(value)
    elif kind == PERCENT and isinstance(value, Decimal):
        sign = "\u2212" if value < 0 else ""
        text = f"{sign}{number_format(abs(value), decimal_pos=1, use_l10n=True)}\u00a0%"
    elif kind == DATE:
        text = number_format(value) if not hasattr(value, "isoformat") else value.isoformat()
    elif kind == CODE:
        return format_html("<code>{}</code>", value)
    else:
        text = str(value)
    negative = isinstance(value, Decimal) and value < 0
    link = row.links.get(column.key)
    css = "money-negative" if negative else ""
    if link:
        return format_html('<a class="{}" href="{}">{}</a>', css, link, text)
    return format_html('<span class="{}">{}</span>', css, text)


@register.filter
def growth_percent(value):
    """A growth figure: signed, one decimal, or n/a with its reason on hover."""
    if isinstance(value, NotApplicable):
        return format_html('<span class="text-body-secondary" title="{}">n/a</span>', value.reason)
    if not isinstance(value, Decimal):
        return ""
    sign = "+" if value > 0 else "\u2212" if value < 0 else ""
    text = number_format(abs(value), decimal_pos=1, use_l10n=True)
    css = "money-negative" if value < 0 else ""
    return format_html('<span class="{}">{}{}\u00a0%</span>', css, sign, text)
