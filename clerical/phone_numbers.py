"""Phone numbers as the clerk types them, kept in one international form."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Separators people type between digits; anything else but digits and a leading + is refused.
_SEPARATORS = re.compile(r"[\s().\-/]")
COUNTRY_PREFIX = "+40"  # a number with one leading 0 is Romanian
MIN_DIGITS = 3  # an internal extension
MAX_DIGITS = 15  # E.164


def normalise_phone_number(raw: str) -> str:
    """`0721 234 567` -> `+40721234567`; `0049 30 1234` -> `+49301234`; `221` stays `221`.

    Raises ValidationError on letters or a length no phone number has.
    """
    compact = _SEPARATORS.sub("", raw or "")
    if not compact:
        raise ValidationError(_("Enter a phone number."), code="empty")
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not digits.isdigit() or not digits.isascii():
        raise ValidationError(
            _("A phone number has digits only (spaces, dashes and a leading + are fine)."),
            code="not_digits",
        )
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        raise ValidationError(
            _("A phone number has between %(min)d and %(max)d digits.")
            % {"min": MIN_DIGITS, "max": MAX_DIGITS},
            code="length",
        )
    if plus:
        return f"+{digits}"
    if digits.startswith("00"):
        return f"+{digits[2:]}"
    if digits.startswith("0") and len(digits) == 10:
        return f"{COUNTRY_PREFIX}{digits[1:]}"
    return digits
