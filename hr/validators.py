"""Checks of Romanian identity numbers and bank accounts."""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CNP_WEIGHTS = "279146358279"


def cnp_control_digit(first_twelve: str) -> int:
    total = sum(int(d) * int(w) for d, w in zip(first_twelve, CNP_WEIGHTS, strict=True))
    control = total % 11
    return 1 if control == 10 else control


def validate_cnp(value: str) -> None:
    if len(value) != 13 or not value.isdigit():
        raise ValidationError(_("A CNP has exactly 13 digits."), code="cnp_shape")
    if cnp_control_digit(value[:12]) != int(value[12]):
        raise ValidationError(_("This CNP's control digit is wrong."), code="cnp_checksum")


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


POLICY_PDF_MAX_BYTES = 10 * 1024 * 1024


def validate_pdf(file) -> None:
    """A real PDF (by its content, not its name) of at most 10 MB."""
    if file.size > POLICY_PDF_MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."), code="pdf_too_big")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(1024)
    file.seek(position)
    if b"%PDF-" not in head[:1024]:
        raise ValidationError(_("The file is not a PDF document."), code="pdf_content")
