"""Checks of Romanian identity numbers, personal data bounds, policy PDFs and uploaded CVs."""

import re
import zipfile
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
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


# CVs: the extension must be one of these, and the content must agree with it.
CV_EXTENSIONS = {".pdf": "pdf", ".doc": "doc", ".docx": "docx", ".odt": "odt"}
OLE2_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def cv_kind(upload) -> str | None:
    """What the file really is, from its first bytes (and, for ZIPs, their members)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == OLE2_SIGNATURE:
        return "doc"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def validate_cv(upload) -> None:
    """A CV: PDF, DOC, DOCX or ODT by content as well as by name, within the size limit."""
    limit = settings.HIRING_CV_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The CV is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="cv_too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The CV file is empty."), code="cv_empty")
    expected = CV_EXTENSIONS.get(Path(upload.name or "").suffix.lower())
    if expected is None:
        raise ValidationError(
            _("Send the CV as a PDF, DOC, DOCX or ODT file."), code="cv_extension"
        )
    if cv_kind(upload) != expected:
        raise ValidationError(
            _("The file's content is not a %(kind)s document; send a real PDF, DOC, DOCX or ODT.")
            % {"kind": expected.upper()},
            code="cv_content",
        )


OLDEST_BIRTH_DATE = date(1900, 1, 1)
YOUNGEST_WORKING_AGE = 14
HOME_ADDRESS_MAX_LENGTH = 500
LETTER_MAX_LENGTH = 5000
PHONE = re.compile(r"^\+?[0-9 ()./-]{6,30}$")


def validate_birth_date(value: date) -> None:
    """Born after 1900 and at least 14 years ago: a 2999 birth date is a typing error."""
    today = timezone.localdate()
    try:
        youngest = today.replace(year=today.year - YOUNGEST_WORKING_AGE)
    except ValueError:  # 29 February
        youngest = today.replace(year=today.year - YOUNGEST_WORKING_AGE, day=28)
    if not (OLDEST_BIRTH_DATE <= value <= youngest):
        raise ValidationError(
            _("Enter a birth date between %(oldest)s and %(youngest)s."),
            code="birth_date_range",
            params={"oldest": OLDEST_BIRTH_DATE.isoformat(), "youngest": youngest.isoformat()},
        )


def validate_phone(value: str) -> None:
    if value and (not PHONE.match(value) or sum(c.isdigit() for c in value) < 6):
        raise ValidationError(
            _("Enter a phone number: digits, spaces, + ( ) . / - only, at least 6 digits."),
            code="phone_shape",
        )
