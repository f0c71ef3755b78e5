"""Checks shared by the departments: bank accounts (IBAN) for pay and suppliers."""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def compact_iban(value: str) -> str:
    return "".join(value.split()).upper()


def validate_iban(value: str) -> None:
    iban = compact_iban(value)
    if not (15 <= len(iban) <= 34 and iban[:2].isalpha() and iban[2:4].isdigit()):
        raise ValidationError(_("This is not an IBAN."), code="iban_shape")
    if any(c not in string.ascii_uppercase + string.digits for c in iban):
        raise ValidationError(_("An IBAN holds only letters and digits."), code="iban_shape")
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    if int(digits) % 97 != 1:
        raise ValidationError(_("This IBAN's check digits are wrong."), code="iban_checksum")
