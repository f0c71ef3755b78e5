"""One guard for what people type: dates in a sane range, no control characters.

Every form date field (form fields made from model fields, django-filter's
and the admin's included) refuses a date outside SANE_DATE_MIN..SANE_DATE_MAX
with a message, so no page computes with year 1 or 9999 (the trial balance
overflowed at 9999-12-31; the payables ageing at 0001-01-01). The middleware
refuses a request whose query string or form data holds a control character
(a NUL broke the payments search in Postgres) with a 400 page that says so.
"""

import re
from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

SANE_DATE_MIN = date(1900, 1, 1)
SANE_DATE_MAX = date(2199, 12, 31)

# Query strings take no control character at all; form text may hold tabs and line breaks.
QUERY_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
FORM_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_sane_date(value) -> None:
    day = value.date() if isinstance(value, datetime) else value
    if day is not None and not (SANE_DATE_MIN <= day <= SANE_DATE_MAX):
        raise ValidationError(
            _("Enter a date between %(min)s and %(max)s."),
            code="date_out_of_range",
            params={"min": SANE_DATE_MIN.isoformat(), "max": SANE_DATE_MAX.isoformat()},
        )


def install_sane_date_fields() -> None:
    """Give every form date and date-time field the range check (called once, at start)."""
    for field in (forms.DateField, forms.DateTimeField):
        if validate_sane_date not in field.default_validators:
            field.default_validators = [*field.default_validators, validate_sane_date]


def _holds_control(data, pattern) -> bool:
    return any(
        pattern.search(key) or any(pattern.search(value) for value in data.getlist(key))
        for key in data
    )


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = _holds_control(request.GET, QUERY_CONTROL)
        if not bad and request.method == "POST":
            bad = _holds_control(request.POST, FORM_CONTROL)
        if bad:
            return render(request, "400.html", {"reason": "control"}, status=400)
        return self.get_response(request)
