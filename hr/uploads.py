"""Checks of uploaded files by their content, not their name."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]
XLSX_SIGNATURE = b"PK\x03\x04"


def read_head(uploaded, length: int = 16) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(length)
    uploaded.seek(0)
    return head


def document_content_type(uploaded) -> str | None:
    """The content type of a PDF, JPEG or PNG file, from its first bytes; None otherwise."""
    head = read_head(uploaded)
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def check_size(uploaded, limit: int) -> None:
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
